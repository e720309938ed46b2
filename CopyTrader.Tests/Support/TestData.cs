using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Tests.Support;

public static class TestData
{
    /// <summary>Adds a follower whose broker connection is a kind this version cannot connect.</summary>
    public static Task<int> AddFollowerOnTradovateAsync(PipelineHost app) => app.WithDbAsync(async db =>
    {
        var connection = new BrokerConnection("Tradovate demo", BrokerKind.Tradovate, "not-a-real-secret", DateTimeOffset.UtcNow);
        db.BrokerConnections.Add(connection);
        await db.SaveChangesAsync();
        var account = new TradingAccount(connection.Id, "TV-1", "Tradovate follower");
        db.TradingAccounts.Add(account);
        await db.SaveChangesAsync();
        var group = await db.CopyGroups.Include(g => g.Followers).SingleAsync();
        group.AddFollower(account.Id, 1m);
        return await db.SaveChangesAsync();
    });

    public static async Task AddGlobalContractMapAsync(PipelineHost app, ContractMapping mapping)
    {
        await app.WithDbAsync(db =>
        {
            db.ContractMaps.Add(new ContractMapEntry(null, mapping));
            return db.SaveChangesAsync();
        });
        await app.Config.ReloadAsync();
    }

    public static async Task SetDryRunAsync(PipelineHost app, bool dryRun)
    {
        await app.WithDbAsync(async db =>
        {
            (await db.CopyGroups.SingleAsync()).SetDryRun(dryRun);
            return await db.SaveChangesAsync();
        });
        await app.Config.ReloadAsync();
    }
}
