namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Seed 001 §11 for order mirroring: stop-loss and take-profit orders go to followers only as legs of an entry
/// from flat or of a reversal, never on adds or trims, and only where the follower's switches allow them.
/// </summary>
public static class ProtectionRule
{
    /// <summary>
    /// Why a protective leader order is not copied to anyone, or null when it is copied. A leg whose entry was
    /// never seen is copied only while the leader is flat, since then it can only belong to an entry.
    /// </summary>
    public static string? SkipReason(OrderRole role, string? parentOrderId, OrderRole? parentRole, int leaderPositionBefore)
    {
        if (!role.IsProtective())
        {
            return null;
        }

        var what = role == OrderRole.StopLoss ? "stop-loss" : "take-profit";
        if (parentOrderId is null)
        {
            return $"A {what} on the leader's existing position ({OrderClassifier.DescribePosition(leaderPositionBefore)}) is not copied: "
                + "protective orders are copied only as legs of an entry from flat or a reversal, never on adds or trims (seed 001 §11).";
        }

        if (parentRole is null)
        {
            return leaderPositionBefore == 0 ? null
                : $"A {what} leg of leader order {parentOrderId}, which was never seen, is not copied: the leader was already "
                  + $"{OrderClassifier.DescribePosition(leaderPositionBefore)}, so it may protect an add or a trim (seed 001 §11).";
        }

        return parentRole.Value.OpensNewPosition() ? null
            : $"A {what} attached to {parentRole.Value.Describe()} (leader order {parentOrderId}) is not copied: "
              + "protective orders go only with entries from flat and reversals (seed 001 §11).";
    }

    /// <summary>Why this follower's switches keep a protective order from it, or null.</summary>
    public static string? SwitchSkipReason(OrderRole role, FollowerRule rule) => role switch
    {
        OrderRole.StopLoss when !rule.CopyStopLoss => "Copying stop-loss orders is off for this follower (Copy stop-loss).",
        OrderRole.TakeProfit when !rule.CopyTakeProfit => "Copying take-profit orders is off for this follower (Copy take-profit).",
        _ => null,
    };
}
