using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CopyTrader.Tests.Support;

/// <summary>
/// The real Infrastructure layer in a generic host: SQLite in a temp folder, the Simulator broker, the demo
/// group (leader ×1 / ×2 / ×0.5), no demo activity and a still price feed, so tests drive every leader trade.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    public const string Leader = "DEMO-LEADER";
    private readonly List<CopyLogEntry> _copies = [];
    private readonly IHost _host;
    private readonly TempDirectory? _ownedData;

    private PipelineHost(IHost host, TempDirectory? ownedData) => (_host, _ownedData) = (host, ownedData);

    public IServiceProvider Services => _host.Services;
    public SimulatorExchange Exchange => Services.GetRequiredService<SimulatorExchange>();
    public ILeaderMonitorHub Hub => Services.GetRequiredService<ILeaderMonitorHub>();
    public ICopyConfigStore Config => Services.GetRequiredService<ICopyConfigStore>();

    public IReadOnlyList<CopyLogEntry> Copies
    {
        get
        {
            lock (_copies)
            {
                return _copies.ToList();
            }
        }
    }

    /// <summary>
    /// Starts the pipeline. Pass <paramref name="data"/> and <paramref name="exchange"/> from an earlier host to
    /// restart on the same database and the same simulated broker (the broker keeps running meanwhile).
    /// </summary>
    public static async Task<PipelineHost> StartAsync(Dictionary<string, string?>? settings = null, TempDirectory? data = null, SimulatorExchange? exchange = null)
    {
        var ownedData = data is null ? new TempDirectory() : null;
        data ??= ownedData!;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = data.Path,
            ["Demo:ActivityEnabled"] = "false",
            ["Simulator:PriceTickMilliseconds"] = "60000",
            ["Simulator:RandomSeed"] = "7",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddInfrastructure();
        if (exchange is not null)
        {
            builder.Services.AddSingleton(exchange);
        }

        var host = new PipelineHost(builder.Build(), ownedData);
        host.Services.GetRequiredService<ICopyEngine>().CopyCompleted += host.OnCopy;
        await host._host.StartAsync();
        await host.WaitForConnectedAccountsAsync(4);
        return host;
    }

    public int AccountId(string externalId) => Config.Current.Accounts.Single(a => a.ExternalId == externalId).Id;

    public async Task WaitForConnectedAccountsAsync(int count) =>
        await Eventually.True(() => Hub.Accounts.Count(a => a.ConnectionState == BrokerConnectionState.Connected) >= count, $"{count} connected accounts");

    public Task<IReadOnlyList<CopyLogEntry>> WaitForCopiesAsync(int count) =>
        Eventually.Get<IReadOnlyList<CopyLogEntry>>(() => Copies, c => c!.Count >= count, $"{count} copy results");

    public int PositionOf(string externalId, string symbol) =>
        Exchange.Positions(externalId).SingleOrDefault(p => p.Symbol == symbol)?.Quantity ?? 0;

    public async Task<T> WithDbAsync<T>(Func<CopyTraderDbContext, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    private void OnCopy(CopyLogEntry entry)
    {
        lock (_copies)
        {
            _copies.Add(entry);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnectionPools.Clear();
        _ownedData?.Dispose();
    }
}

internal static class SqliteConnectionPools
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
