using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Tells protective orders (stop-loss, take-profit) from orders that open or grow a position. An order is
/// protective when it is a bracket leg, or when it is a stop or limit on the other side of the leader's position
/// and no larger than it; a larger one reverses the position and counts as a <see cref="OrderRole.Reversal"/>.
/// </summary>
public static class OrderClassifier
{
    public static OrderRole Classify(OrderType type, Side side, int quantity, int leaderPositionBefore, bool isBracketLeg)
    {
        var reduces = leaderPositionBefore != 0
            && side.Sign() != Math.Sign(leaderPositionBefore)
            && Math.Abs(quantity) <= Math.Abs(leaderPositionBefore);
        if (isBracketLeg || reduces)
        {
            return type switch
            {
                OrderType.Limit => OrderRole.TakeProfit,
                OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop => OrderRole.StopLoss,
                _ => OrderRole.Exit,
            };
        }

        if (leaderPositionBefore == 0)
        {
            return OrderRole.Entry;
        }

        return side.Sign() == Math.Sign(leaderPositionBefore) ? OrderRole.Add : OrderRole.Reversal;
    }

    public static bool IsProtective(this OrderRole role) => role is OrderRole.StopLoss or OrderRole.TakeProfit;

    /// <summary>Entries from flat and reversals start a new position; only their bracket legs are copied (seed 001 §11).</summary>
    public static bool OpensNewPosition(this OrderRole role) => role is OrderRole.Entry or OrderRole.Reversal;

    public static string Describe(this OrderRole role) => role switch
    {
        OrderRole.StopLoss => "a stop-loss",
        OrderRole.TakeProfit => "a take-profit",
        OrderRole.Add => "an add to the leader's position",
        OrderRole.Exit => "a trim of the leader's position",
        OrderRole.Reversal => "a reversal",
        _ => "an entry",
    };

    public static string DescribePosition(int position) =>
        position == 0 ? "flat" : position > 0 ? $"long {position}" : $"short {-position}";
}
