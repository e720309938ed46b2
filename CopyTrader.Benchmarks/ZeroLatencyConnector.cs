using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using CopyTrader.Domain.Brokers;

namespace CopyTrader.Benchmarks;

/// <summary>
/// A broker that answers every order at once with an acceptance, so what is measured is CopyTrader's own
/// overhead. It notes <see cref="Stopwatch.GetTimestamp"/> the moment an order is handed to it, before doing
/// anything else. Its event channel is fed by the benchmark (<see cref="Publish"/>), as a socket would feed it.
/// </summary>
internal sealed class ZeroLatencyConnector(OrderRecorder recorder) : IBrokerConnector
{
    private static long s_orderIds;
    private readonly Channel<BrokerEvent> _events = Channel.CreateUnbounded<BrokerEvent>(new UnboundedChannelOptions { SingleReader = true });

    public BrokerKind Kind => BrokerKind.Simulator;

    public BrokerCapabilities Capabilities { get; } = new(Brackets: false, NativeOco: false, TrailingStops: false, ShortLocates: false, ModifyOrders: false);

    public BrokerConnectionState State { get; private set; } = BrokerConnectionState.Disconnected;

    public ChannelReader<BrokerEvent> Events => _events.Reader;

    /// <summary>Hands an event to the hub, as the broker's socket would.</summary>
    public void Publish(BrokerEvent e) => _events.Writer.TryWrite(e);

    /// <summary>Connected at once, with an empty initial snapshot: every later event is live.</summary>
    public Task ConnectAsync(CancellationToken ct)
    {
        State = BrokerConnectionState.Connected;
        var now = DateTimeOffset.UtcNow;
        Publish(new ConnectionStateEvent(now, BrokerConnectionState.Connected, null));
        Publish(new SnapshotCompleteEvent(now));
        return Task.CompletedTask;
    }

    public Task<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct)
    {
        recorder.Record(request, Stopwatch.GetTimestamp());
        var id = Interlocked.Increment(ref s_orderIds);
        return Task.FromResult(OrderResult.Accept(id.ToString(CultureInfo.InvariantCulture)));
    }

    public Task<IReadOnlyList<BrokerAccount>> GetAccountsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<BrokerAccount>>([]);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(string accountId, CancellationToken ct) => Task.FromResult<IReadOnlyList<BrokerPosition>>([]);

    public Task<IReadOnlyList<BrokerOrder>> GetWorkingOrdersAsync(string accountId, CancellationToken ct) => Task.FromResult<IReadOnlyList<BrokerOrder>>([]);

    public Task<AccountBalance> GetBalanceAsync(string accountId, CancellationToken ct) => Task.FromResult(new AccountBalance(0m, 0m, 0m));

    public Task<OrderResult> ModifyOrderAsync(string accountId, string brokerOrderId, int quantity, decimal? limitPrice, decimal? stopPrice, decimal? trailAmount, CancellationToken ct) =>
        Task.FromResult(OrderResult.Reject("The benchmark broker only places orders."));

    public Task<OrderResult> CancelOrderAsync(string accountId, string brokerOrderId, CancellationToken ct) =>
        Task.FromResult(OrderResult.Reject("The benchmark broker only places orders."));

    public Task<OrderResult> LiquidateAsync(string accountId, string symbol, string? clientOrderId, CancellationToken ct) =>
        Task.FromResult(OrderResult.Reject("The benchmark broker only places orders."));

    public ValueTask DisposeAsync()
    {
        State = BrokerConnectionState.Disconnected;
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
