using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
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
}
