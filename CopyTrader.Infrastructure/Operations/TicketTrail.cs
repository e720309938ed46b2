using System.Collections.Immutable;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Infrastructure.Operations;

/// <summary>
/// One manual ticket as it unfolds: the leader order's answer, the leader's fills of that order, and every
/// follower's copy of those fills. Immutable; <see cref="TicketCopyTracker"/> replaces it as events arrive.
/// </summary>
public sealed record TicketTrail(int Number, TicketOrder Order, TicketResult Result)
{
    public ImmutableList<FillEvent> LeaderFills { get; init; } = [];

    public ImmutableList<CopyLogEntry> Copies { get; init; } = [];

    public int FilledQuantity => LeaderFills.Sum(f => f.Quantity);

    /// <summary>A fill of the leader order this ticket sent (the broker's order id is the link).</summary>
    public bool Owns(LeaderFill fill) =>
        Result is { Accepted: true, BrokerOrderId: { } orderId } && fill.LeaderAccountId == Order.LeaderAccountId && fill.Fill.BrokerOrderId == orderId;

    /// <summary>A follower's copy of one of this ticket's fills.</summary>
    public bool Owns(CopyLogEntry copy) =>
        copy.LeaderAccountId == Order.LeaderAccountId && LeaderFills.Any(f => f.FillId == copy.LeaderEventId);
}
