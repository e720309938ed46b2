using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class InstrumentCatalogFor
{
    [Theory]
    [InlineData("ESZ6", 0.25, 12.50)]
    [InlineData("MNQZ6", 0.25, 0.50)]
    [InlineData("ZNZ6", 0.015625, 15.625)]
    [InlineData("CLF7", 0.01, 10.00)]
    public void KnowsTickSizeAndValue(string symbol, double tick, double tickValue)
    {
        var spec = InstrumentCatalog.Default.For(symbol);

        Assert.Equal((decimal)tick, spec.TickSize);
        Assert.Equal((decimal)tickValue, spec.TickValue);
    }

    [Fact]
    public void EquitiesTradeInCents() => Assert.Same(InstrumentCatalog.Equity, InstrumentCatalog.Default.For("AAPL"));

    [Theory]
    [InlineData(6000.12, 6000.00)]
    [InlineData(6000.13, 6000.25)]
    [InlineData(6000.125, 6000.25)]
    public void RoundsPriceToNearestTick(double price, double expected) =>
        Assert.Equal((decimal)expected, InstrumentCatalog.Default.For("ESZ6").RoundToTick((decimal)price));
}
