using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CopyTrader.Tests.EndToEnd.Tradovate;

/// <summary>
/// The whole Infrastructure layer in a generic host, configured as a user would to reach a fake Tradovate exchange as
/// the custom environment <see cref="TradovateConnectorRig.Environment"/>: SQLite in <c>data</c>, no Simulator demo,
/// reconciliation only after (re)connects and on demand (no schedule), so every order a test sees has a known cause.
/// </summary>
public sealed class TradovateCopierHost : IAsyncDisposable
{
    private readonly List<CopyLogEntry> _copies = [];
    private readonly List<ReconciliationReport> _reports = [];
    private readonly IHost _host;

    private TradovateCopierHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ILeaderMonitorHub Hub => Services.GetRequiredService<ILeaderMonitorHub>();

    public ICopyConfigStore Config => Services.GetRequiredService<ICopyConfigStore>();

    public IBrokerConnectionService Connections => Services.GetRequiredService<IBrokerConnectionService>();

    public ICopyConfigurationService CopyConfiguration => Services.GetRequiredService<ICopyConfigurationService>();

    public IReconciliationService Reconciliation => Services.GetRequiredService<IReconciliationService>();

    /// <summary>Every copy result the engine published since start, in order.</summary>
    public IReadOnlyList<CopyLogEntry> Copies => Locked(_copies);

    /// <summary>Every reconciliation report published since start (after each connect, and on demand), in order.</summary>
    public IReadOnlyList<ReconciliationReport> Reports => Locked(_reports);

    public static async Task<TradovateCopierHost> StartAsync(FakeTradovateServer server, TempDirectory data, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = data.Path,
            ["Demo:SeedOnFirstRun"] = "false",
            ["Demo:ActivityEnabled"] = "false",
            ["Simulator:PriceTickMilliseconds"] = "60000",
            ["Copy:ReconcileIntervalSeconds"] = "0",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TradovateConnectorRig.Settings(server));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddInfrastructure();
        var host = new TradovateCopierHost(builder.Build());
        host.Services.GetRequiredService<ICopyEngine>().CopyCompleted += entry => Add(host._copies, entry);
        host.Reconciliation.Reconciled += report => Add(host._reports, report);
        await host._host.StartAsync();
        return host;
    }

    public Task WaitForAccountsAsync(int count, BrokerConnectionState state) =>
        Eventually.True(() => Hub.Accounts.Count(a => a.ConnectionState == state) == count, $"{count} accounts {state}");

    public Task<IReadOnlyList<CopyLogEntry>> WaitForCopiesAsync(int count) =>
        Eventually.Get(() => Copies, c => c!.Count >= count, $"{count} copy results");

    /// <summary>Waits for the report that follows the first <paramref name="seen"/> ones.</summary>
    public Task<ReconciliationReport> WaitForReportAfterAsync(int seen) =>
        Eventually.Get(() => Reports.Skip(seen).FirstOrDefault(), r => r is not null, $"reconciliation report #{seen + 1}");

    public async Task<T> WithDbAsync<T>(Func<CopyTraderDbContext, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnectionPools.Clear();
    }

    private static void Add<T>(List<T> list, T item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    private static IReadOnlyList<T> Locked<T>(List<T> list)
    {
        lock (list)
        {
            return list.ToList();
        }
    }
}
