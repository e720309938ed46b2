using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// What one follower must do after a leader event: move its position in <see cref="Symbol"/> from
/// <see cref="CurrentPosition"/> to <see cref="TargetPosition"/> with one order, or nothing, with the rule
/// that said so in <see cref="SkipReason"/>.
/// </summary>
public sealed record FollowerPlan(FollowerSnapshot Follower, string Symbol, int CurrentPosition, int TargetPosition, string? SkipReason)
{
    public int Delta => TargetPosition - CurrentPosition;

    public bool SendsOrder => SkipReason is null && Delta != 0;

    public Side Side => SideExtensions.ForDelta(Delta);

    public int Quantity => Math.Abs(Delta);

    public PositionChange Change => PositionChanges.Classify(CurrentPosition, TargetPosition);
}
