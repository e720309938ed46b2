using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderClassifierClassify
{
    public static TheoryData<string, OrderType, Side, int, int, bool, OrderRole> Rows => new()
    {
        // scenario, type, side, quantity, leader position before, bracket leg, role
        { "buy limit from flat", OrderType.Limit, Side.Buy, 1, 0, false, OrderRole.Entry },
        { "sell stop from flat (breakdown entry)", OrderType.Stop, Side.Sell, 2, 0, false, OrderRole.Entry },
        { "buy limit while long", OrderType.Limit, Side.Buy, 1, 2, false, OrderRole.Add },
        { "sell stop while short", OrderType.Stop, Side.Sell, 1, -1, false, OrderRole.Add },
        { "sell stop for the whole long", OrderType.Stop, Side.Sell, 2, 2, false, OrderRole.StopLoss },
        { "sell stop-limit for part of the long", OrderType.StopLimit, Side.Sell, 1, 3, false, OrderRole.StopLoss },
        { "sell trailing stop for the long", OrderType.TrailingStop, Side.Sell, 1, 1, false, OrderRole.StopLoss },
        { "buy stop covering a short", OrderType.Stop, Side.Buy, 1, -1, false, OrderRole.StopLoss },
        { "sell limit above a long", OrderType.Limit, Side.Sell, 1, 2, false, OrderRole.TakeProfit },
        { "buy limit below a short", OrderType.Limit, Side.Buy, 3, -3, false, OrderRole.TakeProfit },
        { "market sell trimming a long", OrderType.Market, Side.Sell, 1, 2, false, OrderRole.Exit },
        { "sell stop larger than the long", OrderType.Stop, Side.Sell, 3, 2, false, OrderRole.Reversal },
        { "buy limit larger than the short", OrderType.Limit, Side.Buy, 2, -1, false, OrderRole.Reversal },
        { "stop leg of a bracket from flat", OrderType.Stop, Side.Sell, 1, 0, true, OrderRole.StopLoss },
        { "limit leg of a bracket from flat", OrderType.Limit, Side.Sell, 1, 0, true, OrderRole.TakeProfit },
        { "trailing leg of a bracket", OrderType.TrailingStop, Side.Buy, 1, 0, true, OrderRole.StopLoss },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void NamesWhatTheOrderDoesToTheLeadersPosition(string scenario, OrderType type, Side side, int quantity, int positionBefore, bool isLeg, OrderRole role) =>
        Assert.True(role == OrderClassifier.Classify(type, side, quantity, positionBefore, isLeg), scenario);

    [Theory]
    [InlineData(OrderRole.StopLoss, true)]
    [InlineData(OrderRole.TakeProfit, true)]
    [InlineData(OrderRole.Entry, false)]
    [InlineData(OrderRole.Add, false)]
    [InlineData(OrderRole.Exit, false)]
    [InlineData(OrderRole.Reversal, false)]
    public void OnlyStopLossAndTakeProfitAreProtective(OrderRole role, bool protective) =>
        Assert.Equal(protective, role.IsProtective());

    [Theory]
    [InlineData(OrderRole.Entry, true)]
    [InlineData(OrderRole.Reversal, true)]
    [InlineData(OrderRole.Add, false)]
    [InlineData(OrderRole.Exit, false)]
    [InlineData(OrderRole.StopLoss, false)]
    public void OnlyEntriesAndReversalsOpenANewPosition(OrderRole role, bool opens) =>
        Assert.Equal(opens, role.OpensNewPosition());
}
