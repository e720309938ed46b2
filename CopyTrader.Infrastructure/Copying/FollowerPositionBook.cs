using System.Collections.Concurrent;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// The position each follower should hold per contract after the orders the engine sent were accepted.
/// Unknown until the first copy; the engine then uses what the broker reported.
/// </summary>
public sealed class FollowerPositionBook
{
    private readonly ConcurrentDictionary<(int FollowerId, string Symbol), int> _positions = new();

    public bool TryGet(int followerId, string symbol, out int position) => _positions.TryGetValue((followerId, symbol), out position);

    public void Set(int followerId, string symbol, int position) => _positions[(followerId, symbol)] = position;

    public void Forget(IEnumerable<int> followerIds)
    {
        var forget = followerIds.ToHashSet();
        foreach (var key in _positions.Keys.Where(k => forget.Contains(k.FollowerId)))
        {
            _positions.TryRemove(key, out _);
        }
    }
}
