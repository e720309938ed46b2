using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Support;

public static class TestData
{
    public const string UnconfiguredEnvironment = "staging";

    /// <summary>A follower on a Tradovate connection whose environment is not configured, so it can never connect.</summary>
    public static Task<int> AddFollowerOnTradovateAsync(PipelineHost app) => app.WithDbAsync(async db =>
    {
        var login = new TradovateConnectionSettings(UnconfiguredEnvironment, "trader", "secret-password", "CopyTrader", "1.0", 8, "sec");
        var credentials = app.Services.GetRequiredService<CredentialProtector>().Protect(login.ToJson());
        var connection = new BrokerConnection("Tradovate demo", BrokerKind.Tradovate, credentials, DateTimeOffset.UtcNow);
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
