using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>
/// The state of one Tradovate user stream, turned into <see cref="BrokerEvent"/>s: feed it every message of
/// <c>TradovateStreamSupervisor.Messages</c> in order through <see cref="Apply"/>. Each session's first snapshot
/// replaces the session state and comes out as history (<c>IsSnapshot</c>) followed by one
/// <see cref="SnapshotCompleteEvent"/>; <c>props</c> after it come out live. A fill id comes out at most once for the
/// life of the object, so neither a later snapshot nor a replay of old <c>Created</c> events yields a live fill again.
/// Entities of accounts outside the scope never come out. Not thread-safe: one reader calls every member.
/// </summary>
public sealed partial class TradovateUserState
{
    private readonly HashSet<long> _scope;
    private readonly TimeProvider _clock;
    private readonly TradovateUserStateOptions _options;
    private readonly Func<long, string?>? _placedClientOrderIds;
    private readonly Func<bool>? _placementsInFlight;
    private readonly TradovateContractBook _contracts = new();
    private readonly Dictionary<long, string> _accounts = [];
    private readonly TradovateSessionBook _book = new();
    private readonly TradovateSeenFills _seen;
    private readonly TradovatePendingQueue _pending;
    private readonly TradovateProblemLog _problems;
    private readonly TradovateLookups _lookups;
    private List<BrokerEvent> _out = [];

    /// <param name="accountIds">The Tradovate account ids this connection serves, as text (e.g. <c>"25"</c>).</param>
    /// <param name="clock">Stamps problems, waiting items and the events that have no entity time of their own.</param>
    /// <param name="options">Bounds; defaults when null.</param>
    /// <param name="placedClientOrderIds">
    /// Order id to our client order id for orders the connector placed itself, for when an order's New command
    /// (which carries <c>clOrdId</c>) has not arrived yet. Called on the reader's thread; answer null when unknown.
    /// </param>
    /// <param name="placementsInFlight">
    /// Whether a placement of the connector still waits for its answer. A live fill or order without a client order id
    /// then waits for its order's New command or for <see cref="RetryWaiting"/> after the answer, so our own order or
    /// fill arriving before both never comes out as someone else's.
    /// </param>
    public TradovateUserState(
        IEnumerable<string> accountIds,
        TimeProvider clock,
        TradovateUserStateOptions? options = null,
        Func<long, string?>? placedClientOrderIds = null,
        Func<bool>? placementsInFlight = null)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options ?? new TradovateUserStateOptions();
        _options.Validate();
        _scope = [.. accountIds.Select(ParseAccountId)];
        _clock = clock;
        _placedClientOrderIds = placedClientOrderIds;
        _placementsInFlight = placementsInFlight;
        _seen = new TradovateSeenFills(_options.TradeDatesKept);
        _pending = new TradovatePendingQueue(_options.MaxPending);
        _problems = new TradovateProblemLog(_options.MaxProblems);
        _lookups = new TradovateLookups(_contracts.SymbolFor, AccountOfOrder, ClientOrderIdOf);
    }

    /// <summary>Applies one message and returns the events it produced, in order; never throws for bad input (see <see cref="Problems"/>).</summary>
    public IReadOnlyList<BrokerEvent> Apply(TradovateSessionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Run(() =>
        {
            switch (message)
            {
                case TradovateSessionMessage.SessionStarted started:
                    OnSessionStarted(started.Session);
                    break;
                case TradovateSessionMessage.Snapshot snapshot:
                    Guarded("snapshot", snapshot.Data, () => OnSnapshot(snapshot.Data));
                    break;
                case TradovateSessionMessage.Props props:
                    OnProps(props.Change);
                    break;
            }
        });
    }

    /// <summary>Adds a <c>contract</c> entity fetched over REST (<c>contract/item</c>); returns the events it releases.</summary>
    public IReadOnlyList<BrokerEvent> AddContract(JsonElement contract) => Run(() => Guarded("contract", contract, () =>
    {
        OnContract(contract);
        RetryPending();
        CompleteSnapshotIfReady();
    }));

    /// <summary>Adds a contract by id and name (e.g. <c>MNQZ6</c>); returns the events it releases.</summary>
    public IReadOnlyList<BrokerEvent> AddContract(long contractId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Run(() =>
        {
            _contracts.Add(contractId, name);
            RetryPending();
            CompleteSnapshotIfReady();
        });
    }

    /// <summary>Tries every waiting item again (e.g. once a placement has its answer); returns the events it releases.</summary>
    public IReadOnlyList<BrokerEvent> RetryWaiting() => Run(() =>
    {
        RetryPending();
        CompleteSnapshotIfReady();
    });

    /// <summary>Contracts that waiting items need: fetch each (e.g. <c>contract/item?id=</c>) and pass it to <see cref="AddContract(JsonElement)"/>.</summary>
    public IReadOnlyCollection<long> MissingContractIds =>
        [.. _pending.InOrder.Select(e => e.MissingContractId).OfType<long>().Distinct()];

    /// <summary>Entities waiting for their order or contract, oldest first. At most <see cref="TradovateUserStateOptions.MaxPending"/>.</summary>
    public IReadOnlyList<TradovatePendingItem> Pending => [.. _pending.InOrder.Select(e => e.ToItem())];

    /// <summary>The newest problems (malformed entities, items given up), oldest first.</summary>
    public IReadOnlyList<TradovateStateProblem> Problems => _problems.Recent;

    /// <summary>Every problem recorded since construction, including those no longer in <see cref="Problems"/>.</summary>
    public long ProblemCount => _problems.Count;

    private IReadOnlyList<BrokerEvent> Run(Action action)
    {
        var events = new List<BrokerEvent>();
        _out = events;
        action();
        _out = [];
        return events;
    }

    private void Emit(BrokerEvent e) => _out.Add(e);

    private bool InScope(long accountId) => _scope.Contains(accountId);

    private long? AccountOfOrder(long orderId) => _book.Orders.TryGetValue(orderId, out var order) ? order.AccountId : null;

    private string? ClientOrderIdOf(long orderId) => _book.ClientOrderIdOf(orderId) ?? _placedClientOrderIds?.Invoke(orderId);

    private void Problem(string reason, JsonElement? entity = null) => _problems.Add(new TradovateStateProblem(
        _clock.GetUtcNow(), reason, entity is { } e ? TradovateFrame.ExcerptOf(e.GetRawText()) : ""));

    /// <summary>
    /// Runs one entity's handling; an unexpected exception (a bug, not bad input, which the mappers report) is
    /// recorded as a problem so one entity cannot stop the stream.
    /// </summary>
    private void Guarded(string what, JsonElement entity, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Problem($"{what} could not be applied: {ex.GetType().Name}: {ex.Message}", entity);
        }
    }

    private static long ParseAccountId(string accountId) =>
        long.TryParse(accountId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"\"{accountId}\" is not a Tradovate account id (a whole number).", nameof(accountId));
}
