using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateOrderMapperMap
{
    private const string Order =
        "{\"id\":210518,\"accountId\":25,\"contractId\":560901,\"timestamp\":\"2016-11-04T00:02:36.626Z\",\"action\":\"Sell\",\"ordStatus\":\"PendingNew\",\"admin\":false}";

    [Fact]
    public void MapsTheDocumentedOrder()
    {
        var result = TradovateOrderMapper.Map(TradovatePropsDecode.Json(Order), _ => "ESZ6");

        Assert.Equal(
            new TradovateOrderState(210518, 25, 560901, "ESZ6", new DateTimeOffset(2016, 11, 4, 0, 2, 36, 626, TimeSpan.Zero), Side.Sell, "PendingNew", OrderStatus.Working),
            result.Value);
    }

    [Fact]
    public void IsUnresolvedWhenTheContractIsUnknown()
    {
        var result = TradovateOrderMapper.Map(TradovatePropsDecode.Json(Order), _ => null);

        Assert.Equal(TradovateWireOutcome.Unresolved, result.Outcome);
        Assert.Equal("order 210518 is for contract 560901, whose symbol is not known", result.Reason);
    }

    [Theory]
    [InlineData("Working", OrderStatus.Working)]
    [InlineData("PendingNew", OrderStatus.Working)]
    [InlineData("PendingReplace", OrderStatus.Working)]
    [InlineData("PendingCancel", OrderStatus.Working)]
    [InlineData("Suspended", OrderStatus.Working)]
    [InlineData("Filled", OrderStatus.Filled)]
    [InlineData("Canceled", OrderStatus.Canceled)]
    [InlineData("Expired", OrderStatus.Canceled)]
    [InlineData("Rejected", OrderStatus.Rejected)]
    [InlineData("Completed", null)]
    [InlineData("Unknown", null)]
    [InlineData("SomethingNew", null)]
    public void MapsEveryDocumentedOrdStatus(string ordStatus, OrderStatus? expected)
    {
        Assert.Equal(expected, TradovateOrderMapper.StatusOf(ordStatus));
    }
}
