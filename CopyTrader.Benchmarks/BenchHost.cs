using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Benchmarks;

/// <summary>
/// The real Infrastructure layer (hub, engine, config store, fill ledger, copy log writer) in a generic host on
/// SQLite in a temp folder, with no demo data or activity, a still price feed, and zero-latency brokers.
/// One leader and N followers, each account on its own broker connection.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string LeaderExternalId = "BENCH-LEADER";

    private readonly IHost _host;
    private readonly DirectoryInfo _data;

    private BenchHost(IHost host, DirectoryInfo data, BenchLoggerProvider logs)
    {
        _host = host;
        _data = data;
        Logs = logs;
    }

    public IServiceProvider Services => _host.Services;
    public OrderRecorder Orders => Services.GetRequiredService<OrderRecorder>();
    public ILeaderMonitorHub Hub => Services.GetRequiredService<ILeaderMonitorHub>();
    public BenchLoggerProvider Logs { get; }
    public int LeaderAccountId { get; private set; }
    public int FollowerCount { get; private set; }

    /// <summary>The leader's connector: events published on it go through the hub exactly like a broker's.</summary>
    public ZeroLatencyConnector Leader => Services.GetRequiredService<ZeroLatencyConnectorFactory>().For(LeaderExternalId);

    public static async Task<BenchHost> StartAsync(int followers, BenchSettings settings)
    {
        var data = Directory.CreateTempSubdirectory("copytrader-bench-");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = data.FullName,
            ["Demo:ActivityEnabled"] = "false",
            ["Demo:SeedOnFirstRun"] = "false",
            ["Simulator:PriceTickMilliseconds"] = "60000",
            // Each follower has its own broker login, so it sends one order per leader fill; the default
            // 20 orders a second per login would throttle a benchmark that sends hundreds of fills a second.
            ["Copy:MaxOrdersPerSecondPerConnection"] = "1000",
        });

        var logs = new BenchLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error); // keys in a throwaway temp folder

        builder.AddInfrastructure();
        builder.Services.AddSingleton<OrderRecorder>();
        builder.Services.AddSingleton<ZeroLatencyConnectorFactory>();
        builder.Services.AddSingleton<IBrokerConnectorFactory>(sp => sp.GetRequiredService<ZeroLatencyConnectorFactory>());
        if (settings.NullCopyLog)
        {
            builder.Services.AddSingleton<ICopyLogSink, NullCopyLogSink>();
        }

        var host = new BenchHost(builder.Build(), data, logs);
        await host._host.StartAsync();
        await host.SeedAsync(followers);
        return host;
    }

    /// <summary>Accounts and connections through the DbContext, the group and followers through the configuration service.</summary>
    private async Task SeedAsync(int followers)
    {
        var externalIds = new[] { LeaderExternalId }
            .Concat(Enumerable.Range(1, followers).Select(i => $"BENCH-F{i.ToString("D3", CultureInfo.InvariantCulture)}"))
            .ToList();
        var accountIds = new List<int>();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync())
        {
            var connections = externalIds.Select(id => new BrokerConnection($"Login {id}", BrokerKind.Simulator, "", DateTimeOffset.UtcNow)).ToList();
            db.BrokerConnections.AddRange(connections);
            await db.SaveChangesAsync();
            var accounts = externalIds.Select((id, i) => new TradingAccount(connections[i].Id, id, id)).ToList();
            db.TradingAccounts.AddRange(accounts);
            await db.SaveChangesAsync();
            accountIds.AddRange(accounts.Select(a => a.Id));
        }

        var configuration = Services.GetRequiredService<ICopyConfigurationService>();
        LeaderAccountId = accountIds[0];
        var groupId = await configuration.CreateGroupAsync("Benchmark", LeaderAccountId, autoCopyEnabled: true);
        foreach (var follower in accountIds.Skip(1))
        {
            await configuration.AddFollowerAsync(groupId, follower, FollowerRule.Default);
        }

        FollowerCount = followers;
        await Services.GetRequiredService<ICopyConfigStore>().ReloadAsync();
        await WaitUntilAsync(() => Hub.Accounts.Count(a => a.ConnectionState == BrokerConnectionState.Connected) == followers + 1,
            $"{followers + 1} connected accounts");
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
