using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Copying;

internal sealed class CopyConfigStore(IDbContextFactory<CopyTraderDbContext> dbFactory, ILogger<CopyConfigStore> logger) : ICopyConfigStore
{
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private volatile CopyConfigSnapshot _current = CopyConfigSnapshot.Empty;

    public CopyConfigSnapshot Current => _current;

    public event Action<CopyConfigSnapshot>? Changed;

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await _reloadGate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var connections = await db.BrokerConnections.AsNoTracking()
                .Select(c => new ConnectionSnapshot(c.Id, c.Name, c.Kind, c.ProtectedCredentials) { OwnerUserId = c.OwnerUserId }).ToListAsync(ct);
            var accounts = await db.TradingAccounts.AsNoTracking()
                .Select(a => new AccountSnapshot(a.Id, a.BrokerConnectionId, a.ExternalId, a.DisplayName)).ToListAsync(ct);
            var groups = await db.CopyGroups.AsNoTracking().Include(g => g.Followers).AsSplitQuery().OrderBy(g => g.Id).ToListAsync(ct);
            var maps = await db.ContractMaps.AsNoTracking().ToListAsync(ct);
            _current = new CopyConfigSnapshot(
                connections,
                accounts,
                groups.Select(g => new CopyGroupSnapshot(g.Id, g.Name, g.LeaderAccountId, g.AutoCopyEnabled,
                    g.Followers.OrderBy(f => f.Id).Select(f => new FollowerSnapshot(f.Id, f.AccountId, f.Enabled, f.Rule) { ReceivesWebhookOrders = f.ReceivesWebhookOrders }).ToList())
                {
                    DryRun = g.DryRun,
                    AutoSync = g.AutoSync,
                    MirrorWorkingOrders = g.MirrorWorkingOrders,
                    ContractMappings = maps.Where(m => m.CopyGroupId == g.Id).Select(m => m.ToMapping()).ToList(),
                }).ToList(),
                maps.Where(m => m.CopyGroupId is null).Select(m => m.ToMapping()).ToList());
        }
        finally
        {
            _reloadGate.Release();
        }

        logger.LogInformation("Copy configuration loaded: {Groups} groups, {Accounts} accounts", _current.Groups.Count, _current.Accounts.Count);
        EventRaiser.Raise(Changed, _current, logger);
    }
}
