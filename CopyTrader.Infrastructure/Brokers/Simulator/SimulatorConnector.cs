using System.Threading.Channels;
using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

/// <summary>One simulator "login": the accounts it serves, events through a channel, orders to the exchange.</summary>
public sealed class SimulatorConnector(SimulatorExchange exchange, IReadOnlyCollection<string> accountIds, TimeProvider clock) : IBrokerConnector
{
    private readonly HashSet<string> _accounts = new(accountIds, StringComparer.OrdinalIgnoreCase);
    private readonly Channel<BrokerEvent> _events = Channel.CreateUnbounded<BrokerEvent>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _attachment;

    public BrokerKind Kind => BrokerKind.Simulator;

    /// <summary>
    /// Brackets yes; OCO groups are honoured but not advertised as native, so the copier's own OCO emulation
    /// is what keeps follower legs consistent (as at a broker without native OCO).
    /// </summary>
    public BrokerCapabilities Capabilities { get; } = new(Brackets: true, NativeOco: false, TrailingStops: false, ShortLocates: false, ModifyOrders: true);

    public BrokerConnectionState State { get; private set; } = BrokerConnectionState.Disconnected;

    public ChannelReader<BrokerEvent> Events => _events.Reader;

    public Task ConnectAsync(CancellationToken ct)
    {
        if (_attachment is not null)
        {
            return Task.CompletedTask;
        }

        SetState(BrokerConnectionState.Connecting, null);
        SetState(BrokerConnectionState.Connected, null);
        _attachment = exchange.Attach(_accounts, e => _events.Writer.TryWrite(e));
        return Task.CompletedTask;
    }

    /// <summary>The accounts served; a connector created for no account (a connection being tested) lists the exchange's paper accounts.</summary>
    public Task<IReadOnlyList<BrokerAccount>> GetAccountsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BrokerAccount>>((_accounts.Count > 0 ? (IEnumerable<string>)_accounts : exchange.PaperAccountIds()).Select(a => new BrokerAccount(a, a)).ToList());

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(exchange.Positions(Served(accountId)));

    public Task<IReadOnlyList<BrokerOrder>> GetWorkingOrdersAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(exchange.WorkingOrders(Served(accountId)));

    public Task<AccountBalance> GetBalanceAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(exchange.Balance(Served(accountId)));

    public Task<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct) =>
        Answer(request.AccountId, () => exchange.Place(request));

    public Task<OrderResult> ModifyOrderAsync(string accountId, string brokerOrderId, int quantity, decimal? limitPrice, decimal? stopPrice, decimal? trailAmount, CancellationToken ct) =>
        trailAmount is not null
            ? Task.FromResult(OrderResult.Reject("The simulator has no trailing stops."))
            : Answer(accountId, () => exchange.Modify(accountId, brokerOrderId, quantity, limitPrice, stopPrice));

    public Task<OrderResult> CancelOrderAsync(string accountId, string brokerOrderId, CancellationToken ct) =>
        Answer(accountId, () => exchange.Cancel(accountId, brokerOrderId));

    public Task<OrderResult> LiquidateAsync(string accountId, string symbol, string? clientOrderId, CancellationToken ct) =>
        Answer(accountId, () => exchange.Liquidate(accountId, symbol, clientOrderId));

    public ValueTask DisposeAsync()
    {
        _attachment?.Dispose();
        _attachment = null;
        SetState(BrokerConnectionState.Disconnected, "Connector disposed.");
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private Task<OrderResult> Answer(string accountId, Func<OrderResult> send)
    {
        if (State != BrokerConnectionState.Connected)
        {
            throw new InvalidOperationException($"Simulator connection is {State}; cannot send for account {accountId}.");
        }

        return Task.FromResult(_accounts.Contains(accountId)
            ? send()
            : OrderResult.Reject($"Account {accountId} is not served by this connection."));
    }

    private string Served(string accountId) => _accounts.Contains(accountId)
        ? accountId
        : throw new InvalidOperationException($"Account {accountId} is not served by this connection.");

    private void SetState(BrokerConnectionState state, string? reason)
    {
        State = state;
        _events.Writer.TryWrite(new ConnectionStateEvent(clock.GetUtcNow(), state, reason));
    }
}
