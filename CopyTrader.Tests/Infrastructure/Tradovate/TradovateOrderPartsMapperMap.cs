using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateOrderPartsMapperMap
{
    [Fact]
    public void ReadsAnOrderVersion()
    {
        var result = TradovateOrderPartsMapper.OrderVersion(TradovatePropsDecode.Json(
            "{\"id\":9,\"orderId\":7,\"orderQty\":3,\"orderType\":\"StopLimit\",\"price\":100.25,\"stopPrice\":100.5,\"timeInForce\":\"GTC\",\"maxShow\":null}"));

        Assert.Equal(new TradovateOrderVersionState(9, 7, 3, "StopLimit", 100.25m, 100.5m, null, "GTC"), result.Value);
    }

    [Fact]
    public void AnOrderVersionWithoutAPositiveQuantityIsMalformed()
    {
        var result = TradovateOrderPartsMapper.OrderVersion(TradovatePropsDecode.Json("{\"id\":9,\"orderId\":7,\"orderQty\":0,\"orderType\":\"Market\"}"));

        Assert.Equal((TradovateWireOutcome.Malformed, "orderVersion 9 has an orderQty of 0, not a positive number"), (result.Outcome, result.Reason));
    }

    [Fact]
    public void ReadsACommandWithItsClientOrderId()
    {
        var result = TradovateOrderPartsMapper.Command(TradovatePropsDecode.Json(
            "{\"id\":5,\"orderId\":7,\"timestamp\":\"2026-11-04T15:00:00.5Z\",\"clOrdId\":\"CT-1\",\"commandType\":\"New\",\"commandStatus\":\"AtExecution\"}"));

        Assert.Equal(new TradovateCommandState(5, 7, new DateTimeOffset(2026, 11, 4, 15, 0, 0, 500, TimeSpan.Zero), "New", "CT-1"), result.Value);
    }

    [Fact]
    public void AClientOrderIdThatIsNotAStringIsMalformed()
    {
        var result = TradovateOrderPartsMapper.Command(TradovatePropsDecode.Json(
            "{\"id\":5,\"orderId\":7,\"timestamp\":\"2026-11-04T15:00:00Z\",\"clOrdId\":12,\"commandType\":\"New\"}"));

        Assert.Equal("command field \"clOrdId\" is not a string: 12", result.Reason);
    }

    [Theory]
    [InlineData("\"rejectReason\":\"NoQuote\",\"text\":\"No quote\"", "NoQuote: No quote")]
    [InlineData("\"rejectReason\":\"NoQuote\"", "NoQuote")]
    [InlineData("\"text\":\"Risk check failed\"", "Risk check failed")]
    [InlineData("\"rejectReason\":null", null)]
    public void AReportsWordsAreTheBrokersOwn(string fields, string? words)
    {
        var result = TradovateOrderPartsMapper.CommandReport(TradovatePropsDecode.Json(
            $"{{\"id\":3,\"commandId\":5,\"timestamp\":\"2026-11-04T15:00:00Z\",{fields}}}"));

        Assert.Equal(words, result.Value!.Words);
        Assert.Equal((5L, (long?)null), (result.Value.CommandId!.Value, result.Value.OrderId));
    }

    [Fact]
    public void AnExecutionReportNamesItsOrder()
    {
        var result = TradovateOrderPartsMapper.ExecutionReport(TradovatePropsDecode.Json(
            "{\"id\":3,\"commandId\":5,\"orderId\":7,\"timestamp\":\"2026-11-04T15:00:00Z\",\"execType\":\"Rejected\",\"rejectReason\":\"SessionClosed\"}"));

        Assert.Equal((7L, "SessionClosed"), (result.Value!.OrderId!.Value, result.Value.Words));
    }

    [Theory]
    [InlineData("Market", OrderType.Market)]
    [InlineData("Limit", OrderType.Limit)]
    [InlineData("Stop", OrderType.Stop)]
    [InlineData("StopLimit", OrderType.StopLimit)]
    [InlineData("TrailingStop", OrderType.TrailingStop)]
    [InlineData("TrailingStopLimit", null)]
    [InlineData("MIT", null)]
    [InlineData("QTS", null)]
    public void MapsEveryDocumentedOrderType(string orderType, OrderType? expected)
    {
        Assert.Equal(expected, TradovateOrderPartsMapper.TypeOf(orderType));
    }

    [Theory]
    [InlineData(null, TimeInForce.Day)]
    [InlineData("Day", TimeInForce.Day)]
    [InlineData("GTC", TimeInForce.GoodTillCanceled)]
    [InlineData("GTD", TimeInForce.GoodTillCanceled)]
    [InlineData("IOC", TimeInForce.ImmediateOrCancel)]
    [InlineData("FOK", TimeInForce.FillOrKill)]
    [InlineData("OPG", null)]
    public void MapsEveryDocumentedTimeInForce(string? timeInForce, TimeInForce? expected)
    {
        Assert.Equal(expected, TradovateOrderPartsMapper.TimeInForceOf(timeInForce));
    }

    [Fact]
    public void ReadsAContractAndAnAccount()
    {
        Assert.Equal(new TradovateNamedEntity(560901, "MNQZ6"), TradovateReferenceMapper.Contract(TradovatePropsDecode.Json("{\"id\":560901,\"name\":\"MNQZ6\",\"contractMaturityId\":1}")).Value);
        Assert.Equal("account has no \"name\"", TradovateReferenceMapper.Account(TradovatePropsDecode.Json("{\"id\":25}")).Reason);
    }

    [Fact]
    public void ReadsAnOrdersLinks()
    {
        var result = TradovateOrderMapper.Read(TradovatePropsDecode.Json(
            "{\"id\":2,\"accountId\":25,\"contractId\":9,\"timestamp\":\"2026-11-04T15:00:00Z\",\"action\":\"Sell\",\"ordStatus\":\"Working\",\"ocoId\":3,\"parentId\":1,\"linkedId\":null}"));

        Assert.Equal((3L, 1L, (long?)null), (result.Value!.OcoId!.Value, result.Value.ParentId!.Value, result.Value.LinkedId));
    }

    [Fact]
    public void ReadsAFillsTradeDateOrFallsBackToTheTimestampsDate()
    {
        const string Fill = "{\"id\":1,\"orderId\":2,\"contractId\":3,\"timestamp\":\"2026-11-04T23:30:00Z\",\"action\":\"Buy\",\"qty\":1,\"price\":5";

        Assert.Equal(new DateOnly(2026, 11, 5), TradovateFillMapper.Read(TradovatePropsDecode.Json(Fill + ",\"tradeDate\":{\"year\":2026,\"month\":11,\"day\":5}}")).Value!.TradeDate);
        Assert.Equal(new DateOnly(2026, 11, 4), TradovateFillMapper.Read(TradovatePropsDecode.Json(Fill + "}")).Value!.TradeDate);
        Assert.Equal(
            "fill field \"tradeDate\" is not a {\"year\",\"month\",\"day\"} date: {\"year\":2026,\"month\":13,\"day\":1}",
            TradovateFillMapper.Read(TradovatePropsDecode.Json(Fill + ",\"tradeDate\":{\"year\":2026,\"month\":13,\"day\":1}}")).Reason);
        Assert.False(TradovateFillMapper.Read(TradovatePropsDecode.Json(Fill + ",\"active\":false}")).Value!.Active);
        Assert.Equal("fill field \"active\" is not true or false: 1", TradovateFillMapper.Read(TradovatePropsDecode.Json(Fill + ",\"active\":1}")).Reason);
    }
}
