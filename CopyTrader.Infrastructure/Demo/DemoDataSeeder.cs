using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Demo;

/// <summary>The first-run demo: a Simulator connection with a leader and three followers at ×1, ×2 and ×0.5.</summary>
internal sealed class DemoDataSeeder(CredentialProtector protector, TimeProvider clock)
{
    public const string ConnectionName = "Simulator (demo)";
    public const string GroupName = "Demo";
    public const string LeaderExternalId = "DEMO-LEADER";

    private static readonly (string ExternalId, string Name, decimal Multiplier)[] Followers =
    [
        ("DEMO-F1", "Demo follower ×1", 1m),
        ("DEMO-F2", "Demo follower ×2", 2m),
        ("DEMO-F3", "Demo follower ×0.5", 0.5m),
    ];

    /// <summary>Seeds only a database without any broker connection, so a user's own setup is never touched.</summary>
    public async Task<bool> SeedIfEmptyAsync(CopyTraderDbContext db, CancellationToken ct)
    {
        if (await db.BrokerConnections.AnyAsync(ct))
        {
            return false;
        }

        var connection = new BrokerConnection(ConnectionName, BrokerKind.Simulator, protector.Protect("{}"), clock.GetUtcNow());
        db.BrokerConnections.Add(connection);
        await db.SaveChangesAsync(ct);

        var leader = new TradingAccount(connection.Id, LeaderExternalId, "Demo leader");
        var followers = Followers.Select(f => (Account: new TradingAccount(connection.Id, f.ExternalId, f.Name), f.Multiplier)).ToList();
        db.TradingAccounts.Add(leader);
        db.TradingAccounts.AddRange(followers.Select(f => f.Account));
        await db.SaveChangesAsync(ct);

        var group = new CopyGroup(GroupName, leader.Id, autoCopyEnabled: true);
        foreach (var (account, multiplier) in followers)
        {
            group.AddFollower(account.Id, multiplier);
        }

        db.CopyGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
