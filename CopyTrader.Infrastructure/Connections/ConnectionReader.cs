using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>Reads the saved connections with their accounts and roles, and the groups a follower can join.</summary>
internal sealed class ConnectionReader(IDbContextFactory<CopyTraderDbContext> dbFactory, CredentialProtector protector)
{
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connections = await db.BrokerConnections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var accounts = await db.TradingAccounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var groups = await db.CopyGroups.AsNoTracking().Include(g => g.Followers).AsSplitQuery().OrderBy(g => g.Id).ToListAsync(ct);
        var roles = groups.Select(g => (Account: g.LeaderAccountId, Role: new AccountGroupRole(AccountRole.Leader, g.Id, g.Name)))
            .Concat(groups.SelectMany(g => g.Followers.Select(f => (Account: f.AccountId, Role: new AccountGroupRole(AccountRole.Follower, g.Id, g.Name)))))
            .ToLookup(r => r.Account, r => r.Role);

        return connections.Select(c =>
        {
            var (environment, error) = EnvironmentOf(c.Kind, c.ProtectedCredentials);
            return new ConnectionSummary(c.Id, c.Name, c.Kind, environment, error,
                accounts.Where(a => a.BrokerConnectionId == c.Id).Select(a => new AccountSummary(a.Id, a.ExternalId, a.DisplayName, roles[a.Id].ToList())).ToList())
            {
                OwnerUserId = c.OwnerUserId,
            };
        }).ToList();
    }

    public async Task<IReadOnlyList<LeaderGroupOption>> ListLeaderGroupsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from g in db.CopyGroups
                      join a in db.TradingAccounts on g.LeaderAccountId equals a.Id
                      orderby g.Name
                      select new LeaderGroupOption(g.Id, g.Name, a.DisplayName)).ToListAsync(ct);
    }

    private (string? Environment, string? Error) EnvironmentOf(BrokerKind kind, string protectedCredentials)
    {
        if (kind != BrokerKind.Tradovate)
        {
            return (null, null);
        }

        try
        {
            return (TradovateConnectionSettings.Parse(protector.Unprotect(protectedCredentials)).Environment, null);
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return (null, $"Stored credentials cannot be read: {ex.Message}");
        }
    }
}
