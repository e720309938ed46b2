namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// The CME trade date of a moment: the session opens at 5 PM Chicago time, so an evening trade belongs to the
/// next day's date. Weekends are not skipped (the fake has no calendar).
/// </summary>
internal static class FakeTradeDates
{
    private static readonly TimeZoneInfo Chicago = FindChicago();

    public static FakeTradeDate Of(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Chicago);
        var date = DateOnly.FromDateTime(local.Hour >= 17 ? local.Date.AddDays(1) : local.Date);
        return new FakeTradeDate(date.Year, date.Month, date.Day);
    }

    /// <summary>A machine without time zone data gets fixed CST (no daylight saving): off by an hour in summer evenings only.</summary>
    private static TimeZoneInfo FindChicago()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(-6), "CST", "CST");
        }
    }
}
