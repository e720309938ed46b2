using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Brokers;

/// <summary>
/// A normalised event from a broker. <see cref="IsSnapshot"/> marks history and initial-sync state
/// (the broker telling us what already happened): it updates what we show, and is never copied.
/// </summary>
public abstract record BrokerEvent(DateTimeOffset TimeUtc)
{
    public bool IsSnapshot { get; init; }
}

/// <summary>An execution on an account. <see cref="FillId"/> is the broker's own id, unique per account.</summary>
public sealed record FillEvent(
    DateTimeOffset TimeUtc,
    string AccountId,
    string FillId,
    string BrokerOrderId,
    string? ClientOrderId,
    string Symbol,
    Side Side,
    int Quantity,
    decimal Price) : BrokerEvent(TimeUtc);

public sealed record OrderUpdateEvent(
    DateTimeOffset TimeUtc,
    string AccountId,
    BrokerOrder Order) : BrokerEvent(TimeUtc);

public sealed record PositionUpdateEvent(
    DateTimeOffset TimeUtc,
    string AccountId,
    BrokerPosition Position) : BrokerEvent(TimeUtc);

public sealed record BalanceUpdateEvent(
    DateTimeOffset TimeUtc,
    string AccountId,
    AccountBalance Balance) : BrokerEvent(TimeUtc);

/// <summary>The connection as a whole changed state; <see cref="Reason"/> carries the broker's or socket's words.</summary>
public sealed record ConnectionStateEvent(
    DateTimeOffset TimeUtc,
    BrokerConnectionState State,
    string? Reason) : BrokerEvent(TimeUtc);

/// <summary>
/// Something about the connection the user must see that does not change its state, such as a login the broker has
/// locked for its rate limits (every request is refused until then). A null <see cref="Notice"/> clears it.
/// </summary>
public sealed record ConnectionNoticeEvent(DateTimeOffset TimeUtc, string? Notice) : BrokerEvent(TimeUtc);

/// <summary>The initial sync is over: every later event is live.</summary>
public sealed record SnapshotCompleteEvent(DateTimeOffset TimeUtc) : BrokerEvent(TimeUtc);
