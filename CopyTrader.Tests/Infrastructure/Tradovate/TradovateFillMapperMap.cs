using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateFillMapperMap
{
    private const string Fill =
        "{\"id\":501,\"orderId\":210518,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:02:36.626Z\"," +
        "\"tradeDate\":{\"year\":2026,\"month\":11,\"day\":4},\"action\":\"Sell\",\"qty\":2,\"price\":21000.25,\"active\":true,\"finallyPaired\":0}";

    private static readonly TradovateLookups Known = new(
        contractId => contractId == 560901 ? "MNQZ6" : null,
        orderId => orderId == 210518 ? 25 : null,
        orderId => orderId == 210518 ? "ct-abc" : null);

    [Fact]
    public void MapsAFillToAFillEvent()
    {
        var result = TradovateFillMapper.Map(TradovatePropsDecode.Json(Fill), Known);

        var expected = new FillEvent(
            new DateTimeOffset(2026, 11, 4, 15, 2, 36, 626, TimeSpan.Zero), "25", "501", "210518", "ct-abc", "MNQZ6", Side.Sell, 2, 21000.25m);
        Assert.Equal(expected, result.Value);
        Assert.Equal(TimeSpan.Zero, result.Value!.TimeUtc.Offset);
    }

    [Fact]
    public void IsUnresolvedWhenTheContractIsUnknown()
    {
        var result = TradovateFillMapper.Map(TradovatePropsDecode.Json(Fill), Known with { SymbolForContract = _ => null });

        Assert.Equal(TradovateWireOutcome.Unresolved, result.Outcome);
        Assert.Equal("fill 501 is for contract 560901, whose symbol is not known", result.Reason);
    }

    [Fact]
    public void IsUnresolvedWhenTheOrderIsUnknown()
    {
        var result = TradovateFillMapper.Map(TradovatePropsDecode.Json(Fill), Known with { AccountForOrder = _ => null });

        Assert.Equal(TradovateWireOutcome.Unresolved, result.Outcome);
        Assert.Equal("fill 501 belongs to order 210518, whose account is not known", result.Reason);
    }

    [Theory]
    [InlineData("\"qty\":2", "\"qty\":2.5", "fill field \"qty\" is not a whole number: 2.5")]
    [InlineData("\"qty\":2", "\"qty\":0", "fill 501 has a qty of 0, not a positive number")]
    [InlineData("\"action\":\"Sell\"", "\"action\":\"sell\"", "fill field \"action\" is not \"Buy\" or \"Sell\": \"sell\"")]
    [InlineData("\"price\":21000.25", "\"price\":\"21000.25\"", "fill field \"price\" is not a number: \"21000.25\"")]
    [InlineData("\"timestamp\":\"2026-11-04T15:02:36.626Z\"", "\"timestamp\":\"yesterday\"", "fill field \"timestamp\" is not an ISO-8601 timestamp: \"yesterday\"")]
    [InlineData("\"orderId\":210518,", "", "fill has no \"orderId\"")]
    public void ReportsTheFirstBadField(string field, string replacement, string reason)
    {
        var result = TradovateFillMapper.Map(TradovatePropsDecode.Json(Fill.Replace(field, replacement, StringComparison.Ordinal)), Known);

        Assert.Equal(TradovateWireOutcome.Malformed, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void AnEntityThatIsNotAnObjectIsMalformed()
    {
        var result = TradovateFillMapper.Map(TradovatePropsDecode.Json("[1]"), Known);

        Assert.Equal(TradovateWireOutcome.Malformed, result.Outcome);
        Assert.Equal("fill is a Array, not an object", result.Reason);
    }
}
