using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.CopySetup;

/// <summary>Reads groups, followers, maps and accounts fresh from the database, with the ids the forms edit by.</summary>
internal sealed class CopySetupReader(IDbContextFactory<CopyTraderDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CopyGroupView>> ListGroupsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.TradingAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var groups = await db.CopyGroups.AsNoTracking().Include(g => g.Followers).AsSplitQuery().ToListAsync(ct);
        var maps = (await db.ContractMaps.AsNoTracking().Where(m => m.CopyGroupId != null).ToListAsync(ct)).ToLookup(m => m.CopyGroupId);
        return groups.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Select(g => new CopyGroupView(
            g.Id,
            g.Name,
            g.LeaderAccountId,
            NameOf(names, g.LeaderAccountId),
            new GroupOptions(g.AutoCopyEnabled, g.DryRun, g.AutoSync, g.MirrorWorkingOrders),
            g.Followers.OrderBy(f => f.Id).Select(f => new FollowerView(f.Id, f.AccountId, NameOf(names, f.AccountId), f.Enabled, f.Rule, f.RiskLimits)).ToList(),
            maps[g.Id].OrderBy(m => m.SourceRoot, StringComparer.Ordinal).Select(m => new ContractMapView(m.Id, m.CopyGroupId, m.ToMapping())).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<AccountOption>> ListAccountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from a in db.TradingAccounts
                      join c in db.BrokerConnections on a.BrokerConnectionId equals c.Id
                      orderby c.Name, a.DisplayName
                      select new AccountOption(a.Id, a.DisplayName, a.ExternalId, c.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ContractMapView>> ListGlobalContractMapsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var maps = await db.ContractMaps.AsNoTracking().Where(m => m.CopyGroupId == null).ToListAsync(ct);
        return maps.OrderBy(m => m.SourceRoot, StringComparer.Ordinal).Select(m => new ContractMapView(m.Id, null, m.ToMapping())).ToList();
    }

    private static string NameOf(Dictionary<int, string> names, int accountId) => names.GetValueOrDefault(accountId, $"account #{accountId}");
}
