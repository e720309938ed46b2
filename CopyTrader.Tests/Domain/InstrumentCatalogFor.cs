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

    [Fact]
    public void BrokerReportedFiguresReplaceTheSeed()
    {
        var catalog = InstrumentCatalog.Default;

        catalog.Report(new InstrumentSpec("6E", "Euro FX", 0.0001m, 125000m));

        Assert.Equal(12.5m, catalog.For("6EZ6").TickValue);
        Assert.Equal(6.25m, InstrumentCatalog.Default.For("6EZ6").TickValue);
    }

    [Fact]
    public void BrokerCanAddARootTheSeedLacks()
    {
        var catalog = InstrumentCatalog.Default;
        Assert.Same(InstrumentCatalog.Equity, catalog.For("MBTZ6"));

        catalog.Report(new InstrumentSpec("MBT", "Micro Bitcoin", 5m, 0.1m));

        Assert.Equal(5m, catalog.For("MBTZ6").TickSize);
    }

    [Fact]
    public void RefusesANonPositiveTick() =>
        Assert.Throws<CopyTrader.Domain.CopyTraderDomainException>(() => InstrumentCatalog.Default.Report(new InstrumentSpec("ES", "E-mini", 0m, 50m)));
}
