using System.Threading.Channels;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers;

namespace CopyTrader.Tests.Infrastructure.Connections;

/// <summary>A connector whose connect does what the test says: connect, throw, report a refusal, or hang.</summary>
internal sealed class ScriptedConnector(BrokerKind kind) : IBrokerConnector
{
    private readonly Channel<BrokerEvent> _events = Channel.CreateUnbounded<BrokerEvent>();

    public Func<ScriptedConnector, CancellationToken, Task> OnConnect { get; init; } = (c, _) =>
    {
        c.Report(BrokerConnectionState.Connected, null);
        return Task.CompletedTask;
    };

    public IReadOnlyList<BrokerAccount> Accounts { get; init; } = [new("1001", "Evaluation 1001"), new("1002", "")];

    public bool Disposed { get; private set; }

    public BrokerKind Kind => kind;

    public BrokerCapabilities Capabilities { get; init; } = new(Brackets: false, NativeOco: false, TrailingStops: false, ShortLocates: false, ModifyOrders: false);

    public BrokerConnectionState State { get; private set; } = BrokerConnectionState.Disconnected;

    public ChannelReader<BrokerEvent> Events => _events.Reader;

    public void Report(BrokerConnectionState state, string? reason)
    {
        State = state;
        _events.Writer.TryWrite(new ConnectionStateEvent(DateTimeOffset.UnixEpoch, state, reason));
    }

    public Task ConnectAsync(CancellationToken ct) => OnConnect(this, ct);

    public Task<IReadOnlyList<BrokerAccount>> GetAccountsAsync(CancellationToken ct) => Task.FromResult(Accounts);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(string accountId, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<BrokerOrder>> GetWorkingOrdersAsync(string accountId, CancellationToken ct) => throw new NotSupportedException();

    public Task<AccountBalance> GetBalanceAsync(string accountId, CancellationToken ct) => throw new NotSupportedException();

    public Task<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct) => throw new NotSupportedException();

    public Task<OrderResult> ModifyOrderAsync(string accountId, string brokerOrderId, int quantity, decimal? limitPrice, decimal? stopPrice, decimal? trailAmount, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<OrderResult> CancelOrderAsync(string accountId, string brokerOrderId, CancellationToken ct) => throw new NotSupportedException();

    public Task<OrderResult> LiquidateAsync(string accountId, string symbol, string? clientOrderId, CancellationToken ct) => throw new NotSupportedException();
}

/// <summary>Hands out one prepared connector and remembers the connection it was asked for.</summary>
internal sealed class ScriptedConnectorFactory(Func<ConnectionSnapshot, IBrokerConnector> create) : IBrokerConnectorFactory
{
    public List<(ConnectionSnapshot Connection, IReadOnlyCollection<string> Accounts)> Calls { get; } = [];

    public IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds)
    {
        Calls.Add((connection, accountExternalIds));
        return create(connection);
    }
}
