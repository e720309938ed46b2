namespace CopyTrader.Domain.Copying;

/// <summary>
/// The follower position that mirrors a leader position. Rounding rule: |leader| × multiplier, rounded to
/// the nearest whole contract with halves away from zero (×0.5 of 1 is 1, ×0.5 of 3 is 2), then given the
/// leader's sign. It is computed from the leader's cumulative net position, never from a fill's size, so
/// rounding never drifts across many fills.
/// </summary>
public static class FollowerTarget
{
    public static int For(int leaderNetPosition, decimal multiplier)
    {
        var scaled = Math.Round(Math.Abs(leaderNetPosition) * multiplier, MidpointRounding.AwayFromZero);
        return Math.Sign(leaderNetPosition) * (int)scaled;
    }
}
