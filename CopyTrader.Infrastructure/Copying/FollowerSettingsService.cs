using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Copying;

public interface IFollowerSettingsService
{
    /// <summary>Turns a follower on or off; the next copy sees it.</summary>
    Task SetEnabledAsync(int followerId, bool enabled, CancellationToken ct = default);
}

internal sealed class FollowerSettingsService(IDbContextFactory<CopyTraderDbContext> dbFactory, ICopyConfigStore config) : IFollowerSettingsService
{
    public async Task SetEnabledAsync(int followerId, bool enabled, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var follower = await db.Followers.SingleOrDefaultAsync(f => f.Id == followerId, ct)
                ?? throw new InvalidOperationException($"Follower {followerId} does not exist.");
            follower.SetEnabled(enabled);
            await db.SaveChangesAsync(ct);
        }

        await config.ReloadAsync(ct);
    }
}
