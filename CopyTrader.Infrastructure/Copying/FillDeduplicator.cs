namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Remembers recent fill ids of accounts that lead nothing (their fills only move positions), so a resend
/// is counted once. Bounded, in memory: the oldest ids are forgotten first. Leaders use the <see cref="FillLedger"/>.
/// </summary>
internal sealed class FillDeduplicator(int capacity = 100_000)
{
    private readonly object _gate = new();
    private readonly HashSet<(int, string)> _seen = [];
    private readonly Queue<(int, string)> _order = new();

    /// <summary>True the first time a fill is seen.</summary>
    public bool FirstTime(int accountId, string fillId)
    {
        lock (_gate)
        {
            if (!_seen.Add((accountId, fillId)))
            {
                return false;
            }

            _order.Enqueue((accountId, fillId));
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
