using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class FuturesSymbolTryParse
{
    private static readonly InstrumentCatalog Catalog = InstrumentCatalog.Default;

    [Theory]
    [InlineData("MNQZ6", "MNQ", 'Z', "6")]
    [InlineData("NQZ6", "NQ", 'Z', "6")]
    [InlineData("ESH27", "ES", 'H', "27")]
    [InlineData("M2KM6", "M2K", 'M', "6")]
    [InlineData("6EU6", "6E", 'U', "6")]
    [InlineData("mclf7", "MCL", 'F', "7")]
    public void ParsesRootMonthAndYear(string symbol, string root, char month, string year)
    {
        Assert.True(FuturesSymbol.TryParse(symbol, Catalog, out var parsed));
        Assert.Equal(new FuturesSymbol(root, month, year), parsed);
    }

    [Theory]
    [InlineData("AAPL")]
    [InlineData("MSFT")]
    [InlineData("ESA6")]  // A is not a month code
    [InlineData("XXZ6")]  // unknown root
    [InlineData("ES")]
    public void RejectsWhatIsNotAFuturesContract(string symbol) => Assert.False(FuturesSymbol.TryParse(symbol, Catalog, out _));

    [Theory]
    [InlineData("2026-11-23", "MNQZ6")]
    [InlineData("2026-12-09", "MNQZ6")]
    [InlineData("2026-12-10", "MNQH7")] // eight days before the third Friday (Dec 18) the lead month rolls
    [InlineData("2027-01-15", "MNQH7")]
    public void FrontQuarterlyRollsEightDaysBeforeExpiry(string date, string expected) =>
        Assert.Equal(expected, FuturesSymbol.FrontQuarterly("MNQ", DateOnly.Parse(date)).ToString());
}
