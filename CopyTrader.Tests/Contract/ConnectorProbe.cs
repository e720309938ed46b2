using CopyTrader.Domain.Brokers;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.Contract;

/// <summary>Connects a connector and records every event it emits, for the contract tests to wait on.</summary>
public sealed class ConnectorProbe : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<BrokerEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private ConnectorProbe(IBrokerConnector connector)
    {
        Connector = connector;
        _pump = Task.Run(PumpAsync);
    }

    public IBrokerConnector Connector { get; }

    public IReadOnlyList<BrokerEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Connects and waits for the end of the initial snapshot.</summary>
    public static async Task<ConnectorProbe> ConnectAsync(IBrokerConnector connector)
    {
        var probe = new ConnectorProbe(connector);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await connector.ConnectAsync(timeout.Token);
        await probe.WaitForAsync<SnapshotCompleteEvent>(_ => true, "the end of the initial snapshot");
        return probe;
    }

    public Task<T> WaitForAsync<T>(Func<T, bool> match, string what) where T : BrokerEvent =>
        Eventually.Get(() => Events.OfType<T>().FirstOrDefault(match), e => e is not null, what, TimeSpan.FromSeconds(10))!;

    public IReadOnlyList<T> Live<T>() where T : BrokerEvent => [.. Events.OfType<T>().Where(e => !e.IsSnapshot)];

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var e in Connector.Events.ReadAllAsync(_stop.Token))
        {
            lock (_gate)
            {
                _events.Add(e);
            }
        }
    }
}
