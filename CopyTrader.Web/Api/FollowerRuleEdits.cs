using CopyTrader.Domain;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Web.Api;

/// <summary>
/// The API's partial rule changes (base multiplier, one symbol multiplier, one blocked root) are a read of the
/// follower's current rule and a write of the whole changed rule; they run one at a time, so two calls close
/// together cannot undo each other.
/// </summary>
public sealed class FollowerRuleEdits(ICopyConfigStore config, ICopyConfigurationService configuration)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task ChangeAsync(int followerId, Func<FollowerRule, FollowerRule> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var follower = config.Current.Groups.SelectMany(g => g.Followers).FirstOrDefault(f => f.Id == followerId)
                ?? throw new CopyTraderDomainException($"Follower {followerId} does not exist.");
            await configuration.UpdateFollowerRuleAsync(followerId, change(follower.Rule), ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
