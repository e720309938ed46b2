using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using Microsoft.Extensions.Time.Testing;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

/// <summary>Feeds a <see cref="TradovateUserState"/> serving account 25 the messages a supervisor would, and keeps every event.</summary>
internal sealed class TradovateUserStateDriver
{
    public TradovateUserStateDriver(
        TradovateUserStateOptions? options = null, Func<long, string?>? placedClientOrderIds = null, Func<bool>? placementsInFlight = null)
    {
        State = new TradovateUserState(["25"], Clock, options, placedClientOrderIds, placementsInFlight);
    }

    public FakeTimeProvider Clock { get; } = new(T0);

    public TradovateUserState State { get; }

    public List<BrokerEvent> Events { get; } = [];

    public IReadOnlyList<BrokerEvent> Session(int number) => Apply(new TradovateSessionMessage.SessionStarted(number));

    public IReadOnlyList<BrokerEvent> Snapshot(string json) => Apply(new TradovateSessionMessage.Snapshot(Json(json)));

    /// <summary>A new session whose snapshot holds the accounts, the contracts and <paramref name="more"/>.</summary>
    public IReadOnlyList<BrokerEvent> Sync(int session = 1, params (string Name, string[] Entities)[] more)
    {
        Session(session);
        return Snapshot(ReferenceSnapshot(more));
    }

    /// <summary>A <c>props</c> event decoded as the socket session does (an entity array yields one change per element).</summary>
    public IReadOnlyList<BrokerEvent> Props(string entityType, string eventType, string entity)
    {
        var decoded = TradovateProps.Decode(Json($"{{\"entityType\":\"{entityType}\",\"eventType\":\"{eventType}\",\"entity\":{entity}}}"));
        Assert.True(decoded.IsOk, decoded.Reason);
        return [.. decoded.Value!.SelectMany(change => Apply(new TradovateSessionMessage.Props(change)))];
    }

    public IReadOnlyList<BrokerEvent> Created(string entityType, string entity) => Props(entityType, "Created", entity);

    public IReadOnlyList<BrokerEvent> Updated(string entityType, string entity) => Props(entityType, "Updated", entity);

    public IReadOnlyList<BrokerEvent> Apply(TradovateSessionMessage message)
    {
        var events = State.Apply(message);
        Events.AddRange(events);
        return events;
    }

    public IReadOnlyList<BrokerEvent> AddContract(long id, string name)
    {
        var events = State.AddContract(Json(ContractEntity(id, name)));
        Events.AddRange(events);
        return events;
    }

    /// <summary>A market order placed, acknowledged and working: order, New command, version.</summary>
    public IReadOnlyList<BrokerEvent> WorkingOrder(long orderId, string action = "Buy", int qty = 1, string? clOrdId = null, long contractId = ContractId) =>
    [
        .. Created("order", Order(orderId, "PendingNew", action, contractId: contractId)),
        .. Created("command", Command(orderId + 1000, orderId, clOrdId)),
        .. Created("orderVersion", Version(orderId + 2000, orderId, qty)),
        .. Updated("order", Order(orderId, "Working", action, contractId: contractId)),
    ];

    public IEnumerable<FillEvent> LiveFills => Events.OfType<FillEvent>().Where(f => !f.IsSnapshot);
}
