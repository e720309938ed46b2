namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// The CME trade date of a moment: the session opens at 5 PM Chicago time, so an evening trade belongs to the
/// next day's date. Weekends are not skipped (the fake has no calendar).
/// </summary>
internal static class FakeTradeDates
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static FakeTradeDate Of(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Chicago);
        var date = DateOnly.FromDateTime(local.Hour >= 17 ? local.Date.AddDays(1) : local.Date);
        return new FakeTradeDate(date.Year, date.Month, date.Day);
    }
}
