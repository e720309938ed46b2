using System.Globalization;
using System.Threading.Channels;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// One Tradovate login as an <see cref="IBrokerConnector"/>: the user stream (one WebSocket, kept up by
/// <see cref="TradovateStreamSupervisor"/>) turned into broker events by <see cref="TradovateUserState"/>, and REST for
/// orders and reads. Every new session is announced as Connected and followed by its snapshot (history), so the hub
/// rebuilds state and reconciles after each reconnect.
/// </summary>
internal sealed partial class TradovateConnector : IBrokerConnector
{
    private readonly TradovateConnectorParts _parts;
    private readonly HashSet<string> _accountIds;
    private readonly Channel<BrokerEvent> _events = Channel.CreateUnbounded<BrokerEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _stateGate = new();
    private readonly TradovateUserState _state;
    private readonly Dictionary<long, string> _placedClientOrderIds = [];
    private readonly Dictionary<long, DateTimeOffset> _contractRetryAt = [];
    private readonly HashSet<string> _learnedSymbols = new(StringComparer.Ordinal);
    private int _placementsInFlight; // under _stateGate
    private readonly CancellationTokenSource _stop = new();
    private static readonly TimeSpan ContractRetryDelay = TimeSpan.FromMinutes(1);
    private readonly ILogger _logger;
    private Task _stream = Task.CompletedTask;
    private Task _pump = Task.CompletedTask;
    private int _connected;

    // The token the current stream attempt authorizes with, and one the socket refused; both touched on the supervisor's loop only.
    private string? _streamToken;
    private string? _rejectedStreamToken;

    public TradovateConnector(TradovateConnectorParts parts, IReadOnlyCollection<string> accountIds, ILogger logger)
    {
        _parts = parts;
        _accountIds = new HashSet<string>(accountIds, StringComparer.Ordinal);
        _logger = logger;
        _state = new TradovateUserState(_accountIds, parts.Clock, placedClientOrderIds: PlacedClientOrderId, placementsInFlight: () => _placementsInFlight > 0);
        parts.SignIn.Holder.Changed += ShowNotice;
    }

    public BrokerKind Kind => BrokerKind.Tradovate;

    /// <summary>
    /// Brackets and OCO exist only as one request at placement (placeoso / placeoco); the copier places legs one by
    /// one, so it emulates OCO itself. Trailing stops are not mapped yet. Orders go over REST, so they work while the
    /// user stream reconnects.
    /// </summary>
    public BrokerCapabilities Capabilities { get; } =
        new(Brackets: false, NativeOco: false, TrailingStops: false, ShortLocates: false, ModifyOrders: true, OrdersWhileReconnecting: true);

    public BrokerConnectionState State { get; private set; } = BrokerConnectionState.Disconnected;

    public ChannelReader<BrokerEvent> Events => _events.Reader;

    private TradovateRestClient Rest => _parts.Rest;

    public async Task ConnectAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _connected, 1) == 1)
        {
            return;
        }

        SetState(BrokerConnectionState.Connecting, null);
        TradovateToken token;
        try
        {
            token = await _parts.SignIn.TokenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            SetState(BrokerConnectionState.Failed, ex.Message);
            throw;
        }

        if (_accountIds.Count == 0)
        {
            SetState(BrokerConnectionState.Connected, "Signed in; no accounts to stream.");
            return; // a connection being tested: REST only
        }

        var supervisor = _parts.Supervisor(TradovateSyncRequest.ForUser(token.UserId), StreamTokenAsync);
        supervisor.SessionEnded += OnSessionEnded;
        _stream = supervisor.RunAsync(_stop.Token);
        _pump = Task.Run(() => PumpAsync(supervisor), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_stream, _pump);
        }
        catch (OperationCanceledException)
        {
        }

        StopNotices();
        SetState(BrokerConnectionState.Disconnected, "Connector disposed.");
        _events.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task PumpAsync(TradovateStreamSupervisor supervisor)
    {
        await foreach (var message in supervisor.Messages.ReadAllAsync(CancellationToken.None))
        {
            if (message is TradovateSessionMessage.SessionStarted started)
            {
                _logger.LogInformation("Tradovate login {Login}: session {Session} synced", _parts.LoginKey, started.Session);
                SetState(BrokerConnectionState.Connected, null);
            }

            IReadOnlyList<BrokerEvent> events;
            IReadOnlyCollection<long> missing;
            lock (_stateGate)
            {
                events = _state.Apply(message);
                Publish(events);
                missing = _state.MissingContractIds;
            }

            foreach (var contractId in missing.Where(DueForLookup))
            {
                await ResolveContractAsync(contractId);
            }

            await LearnInstrumentsAsync(events);
        }
    }

    /// <summary>A contract that could not be resolved is tried again after a minute, not on every message (the login's request budget).</summary>
    private bool DueForLookup(long contractId) =>
        !_contractRetryAt.TryGetValue(contractId, out var at) || _parts.Clock.GetUtcNow() >= at;

    private async Task ResolveContractAsync(long contractId)
    {
        var resolved = await _parts.Contracts.ResolveAsync(contractId, _stop.Token);
        if (!resolved.IsSuccess)
        {
            _contractRetryAt[contractId] = _parts.Clock.GetUtcNow() + ContractRetryDelay;
            _logger.LogWarning("Tradovate contract {ContractId} could not be resolved: {Error}", contractId, resolved.Error);
            return; // the waiting entities stay visible in the state's pending list
        }

        _contractRetryAt.Remove(contractId);
        var spec = resolved.Value!;
        _parts.Instruments.Report(spec.ToInstrumentSpec());
        lock (_stateGate)
        {
            Publish(_state.AddContract(spec.ContractId, spec.Symbol));
        }
    }

    /// <summary>
    /// Tick size and point value of a contract whose root the catalog does not know come from Tradovate's product, so
    /// prices of copies round to the right tick.
    /// </summary>
    private async Task LearnInstrumentsAsync(IReadOnlyList<BrokerEvent> events)
    {
        var unknown = events
            .Select(e => e switch { FillEvent f => f.Symbol, PositionUpdateEvent p => p.Position.Symbol, OrderUpdateEvent o => o.Order.Symbol, _ => null })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Where(symbol => !FuturesSymbol.TryParse(symbol, _parts.Instruments, out _) && _learnedSymbols.Add(symbol));
        foreach (var symbol in unknown.ToList())
        {
            var resolved = await _parts.Contracts.ResolveAsync(symbol, _stop.Token);
            if (resolved.IsSuccess)
            {
                _parts.Instruments.Report(resolved.Value.ToInstrumentSpec());
            }
            else
            {
                _logger.LogWarning("Tick size of Tradovate contract {Symbol} unknown: {Error}", symbol, resolved.Error);
            }
        }
    }

    /// <summary>
    /// The token for the next stream attempt. After <c>authorize</c> refused the last one (expired or revoked at
    /// Tradovate while the holder still thinks it good) it is replaced, not sent again.
    /// </summary>
    private async Task<string> StreamTokenAsync(CancellationToken ct)
    {
        _streamToken = null;
        var token = _rejectedStreamToken is { } rejected
            ? await _parts.SignIn.ReplaceRejectedTokenAsync(rejected, ct)
            : await _parts.SignIn.TokenAsync(ct);
        _rejectedStreamToken = null;
        _streamToken = token.AccessToken;
        return token.AccessToken;
    }

    private void OnSessionEnded(TradovateStreamEnd end)
    {
        if (end.End is { Kind: TradovateSessionEndKind.AuthorizationFailed, AnswerStatus: 401 } && _streamToken is { } refused)
        {
            _rejectedStreamToken = refused;
        }

        var next = end.DelayReason ?? $"reconnecting in {end.NextDelay.TotalSeconds:0.#} s";
        SetState(BrokerConnectionState.Reconnecting, $"{end.End.Reason}; {next}");
    }

    private void Publish(IReadOnlyList<BrokerEvent> events)
    {
        foreach (var e in events)
        {
            _events.Writer.TryWrite(e);
        }
    }

    private void SetState(BrokerConnectionState state, string? reason)
    {
        State = state;
        _events.Writer.TryWrite(new ConnectionStateEvent(_parts.Clock.GetUtcNow(), state, reason));
    }

    private string? PlacedClientOrderId(long orderId) => _placedClientOrderIds.GetValueOrDefault(orderId);

    private long Served(string accountId) =>
        _accountIds.Contains(accountId) && long.TryParse(accountId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"Tradovate login {_parts.LoginKey} does not serve account {accountId}.");
}
