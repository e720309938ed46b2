namespace CopyTrader.Domain.Instruments;

/// <summary>
/// US Central Time from a UTC instant by rule, without tzdata: CDT (UTC−5) from the second Sunday of March at
/// 02:00 CST to the first Sunday of November at 02:00 CDT, CST (UTC−6) otherwise. That is the rule in force since
/// 2007; it is applied to every year.
/// </summary>
public static class UsCentralTime
{
    public static readonly TimeSpan StandardOffset = TimeSpan.FromHours(-6);

    public static readonly TimeSpan DaylightOffset = TimeSpan.FromHours(-5);

    private static readonly TimeSpan ChangeHour = TimeSpan.FromHours(2);

    /// <summary>The UTC offset of Central Time at <paramref name="instant"/>.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc >= DaylightStartUtc(utc.Year) && utc < DaylightEndUtc(utc.Year) ? DaylightOffset : StandardOffset;
    }

    /// <summary>The same instant with the Central Time offset (its <c>DateTime</c> is the Central wall clock).</summary>
    public static DateTimeOffset ToCentral(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    /// <summary>The first instant of CDT in <paramref name="year"/>: second Sunday of March, 02:00 CST.</summary>
    public static DateTimeOffset DaylightStartUtc(int year) => AtUtc(NthSunday(year, 3, 2) + ChangeHour - StandardOffset);

    /// <summary>The first instant of CST after the summer of <paramref name="year"/>: first Sunday of November, 02:00 CDT.</summary>
    public static DateTimeOffset DaylightEndUtc(int year) => AtUtc(NthSunday(year, 11, 1) + ChangeHour - DaylightOffset);

    /// <summary>The next instant strictly after <paramref name="instant"/> at which the offset changes.</summary>
    public static DateTimeOffset NextChangeAfter(DateTimeOffset instant)
    {
        var year = instant.UtcDateTime.Year;
        if (instant < DaylightStartUtc(year))
        {
            return DaylightStartUtc(year);
        }

        if (instant < DaylightEndUtc(year))
        {
            return DaylightEndUtc(year);
        }

        return year < DateTime.MaxValue.Year ? DaylightStartUtc(year + 1) : DateTimeOffset.MaxValue;
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1);
        var firstSunday = first.AddDays((7 - (int)first.DayOfWeek) % 7);
        return firstSunday.AddDays(7 * (n - 1));
    }

    private static DateTimeOffset AtUtc(DateTime utcWallClock) => new(utcWallClock.Ticks, TimeSpan.Zero);
}
