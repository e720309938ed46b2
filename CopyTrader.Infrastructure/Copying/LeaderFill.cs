using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// A live fill on a leader account that must be copied, with the leader's net position after it and the
/// <see cref="TimeProvider.GetTimestamp"/> of its arrival, from which copy latency is measured.
/// </summary>
public sealed record LeaderFill(int LeaderAccountId, FillEvent Fill, int NetAfter, long ReceivedTimestamp)
{
    public string EventId => Fill.FillId;
}
