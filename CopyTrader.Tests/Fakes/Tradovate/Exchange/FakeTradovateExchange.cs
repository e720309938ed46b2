namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// The in-memory exchange behind <see cref="FakeTradovateServer"/>: users, accounts, products, contracts, a settable
/// last price per contract, orders (with versions, commands, command and execution reports), fills, fill pairs,
/// positions and cash balances. Every change is one locked operation whose <c>props</c> events are published
/// together, in the order of protocol file 1.7, to the server's synced sockets and to <see cref="PublishedEvents"/>.
/// Timestamps come from the server options' TimeProvider.
/// </summary>
public sealed partial class FakeTradovateExchange
{
    public const decimal DefaultStartingCash = 50_000m;

    private readonly Lock _gate = new();
    private readonly FakeEntityStore _store = new();
    private readonly FakeIds _ids = new();
    private readonly TimeProvider _time;
    private readonly FakeTradovateFaults _faults;
    private readonly FakeTradovateRest _logins;
    private readonly Dictionary<long, decimal> _prices = [];
    private readonly Dictionary<long, FakeWorkingOrder> _book = [];
    private readonly Dictionary<long, List<FakeLot>> _lots = [];
    private readonly List<FakePropsEvent> _published = [];
    private List<FakePropsEvent>? _batch;

    internal FakeTradovateExchange(TimeProvider time, FakeTradovateFaults faults, FakeTradovateRest logins)
    {
        _time = time;
        _faults = faults;
        _logins = logins;
        Operate(() =>
        {
            _store.Currencies.Put(new FakeCurrency(_ids.Next<FakeCurrency>(), "USD"));
            PrimaryUser = Save(new FakeUser(logins.Options.UserId, logins.Options.Name));
            _ids.Above<FakeUser>(PrimaryUser.Id);
            SeedContracts();
            AddAccountCore("DEMO" + FakeTradovateSnapshot.AccountId, PrimaryUser.Id, DefaultStartingCash);
            return 0;
        });
        lock (_gate)
        {
            _published.Clear(); // the seed is the starting state, not news
        }
    }

    /// <summary>Raised inside the exchange lock with each operation's events, in order; handlers must not block.</summary>
    internal event Action<IReadOnlyList<FakePropsEvent>>? Published;

    /// <summary>The user of the server's default login (<see cref="FakeTradovateRestOptions.UserId"/>).</summary>
    public FakeUser PrimaryUser { get; private set; } = null!;

    /// <summary>Whether <c>order/liquidateposition</c> also cancels the account's working orders in that contract [U]; default true.</summary>
    public bool LiquidateCancelsWorkingOrders { get; set; } = true;

    /// <summary>Every props event since start (the seed excluded), in publication order.</summary>
    public IReadOnlyList<FakePropsEvent> PublishedEvents => Locked(() => _published.ToArray());

    internal T Read<T>(Func<FakeEntityStore, T> read) => Locked(() => read(_store));

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs one change under the lock and publishes its events once, even when nested.</summary>
    private T Operate<T>(Func<T> operation)
    {
        lock (_gate)
        {
            if (_batch is not null)
            {
                return operation();
            }

            _batch = [];
            try
            {
                return operation();
            }
            finally
            {
                var events = _batch;
                _batch = null;
                if (events.Count > 0)
                {
                    _published.AddRange(events);
                    Published?.Invoke(events);
                }
            }
        }
    }

    /// <summary>Stores the entity and records a Created or Updated event for it.</summary>
    private T Save<T>(T entity)
        where T : class, IFakeEntity
    {
        var kind = _store.KindOf(entity);
        var created = ((FakeEntityTable<T>)kind.Table).Put(entity);
        var events = _batch ?? throw new InvalidOperationException("Save outside Operate");
        events.Add(new FakePropsEvent(kind.EntityType, created ? FakeTradovateWords.Created : FakeTradovateWords.Updated, entity,
            _store.AccountOf(entity), _store.UserOf(entity)));
        return entity;
    }

    private void Emit(string eventType, IFakeEntity entity)
    {
        var events = _batch ?? throw new InvalidOperationException("Emit outside Operate");
        events.Add(new FakePropsEvent(_store.KindOf(entity).EntityType, eventType, entity, _store.AccountOf(entity), _store.UserOf(entity)));
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private sealed class FakeLot(long? fillId, int qty, decimal price)
    {
        public long? FillId { get; } = fillId;

        public int Qty { get; set; } = qty;

        public decimal Price { get; } = price;
    }
}
