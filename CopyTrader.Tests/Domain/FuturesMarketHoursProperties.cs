using CopyTrader.Domain.Instruments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CopyTrader.Tests.Domain;

/// <summary>
/// For any instant (and any workable schedule): NextOpen(t) ≥ t, it is open, and nothing between t and it is open
/// (checked every minute from t and one tick before it).
/// </summary>
public class FuturesMarketHoursProperties
{
    private static readonly DateTimeOffset From = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<DateTimeOffset> Uniform =
        from minutes in Gen.Choose(0, 100 * 366 * 24 * 60)
        from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerMinute - 1)
        select From.AddMinutes(minutes).AddTicks(ticks);

    /// <summary>Within eight days of a daylight change, where the Sunday open and Friday close move by an hour.</summary>
    private static readonly Gen<DateTimeOffset> NearDaylightChange =
        from year in Gen.Choose(2000, 2099)
        from spring in ArbMap.Default.GeneratorFor<bool>()
        from seconds in Gen.Choose(-8 * 86400, 8 * 86400)
        select (spring ? UsCentralTime.DaylightStartUtc(year) : UsCentralTime.DaylightEndUtc(year)).AddSeconds(seconds);

    private static readonly Gen<DateTimeOffset> Instants = Gen.OneOf(Uniform, NearDaylightChange);

    private static readonly Gen<TimeSpan> QuarterHours = Gen.Choose(0, 7 * 96 - 1).Select(q => TimeSpan.FromMinutes(15 * q));

    /// <summary>Weeks of one to six and a half days, wrapping or not, with no halt or a halt of up to 12 h (possibly across midnight).</summary>
    private static readonly Gen<FuturesSessionSchedule> Schedules =
        from open in QuarterHours
        from length in Gen.Choose(96, 624).Select(q => TimeSpan.FromMinutes(15 * q))
        from haltStart in Gen.Choose(0, 95)
        from haltLength in Gen.Choose(0, 48)
        let close = TimeSpan.FromTicks((open + length).Ticks % TimeSpan.FromDays(7).Ticks)
        select new FuturesSessionSchedule
        {
            WeekOpenDay = (DayOfWeek)open.Days,
            WeekOpenTime = TimeOnly.FromTimeSpan(open - TimeSpan.FromDays(open.Days)),
            WeekCloseDay = (DayOfWeek)close.Days,
            WeekCloseTime = TimeOnly.FromTimeSpan(close - TimeSpan.FromDays(close.Days)),
            DailyHaltStart = haltLength == 0 ? null : new TimeOnly(haltStart / 4, haltStart % 4 * 15),
            DailyHaltEnd = haltLength == 0 ? null : new TimeOnly((haltStart + haltLength) % 96 / 4, (haltStart + haltLength) % 4 * 15),
        };

    [Property(MaxTest = 400)]
    public Property CmeNextOpenIsTheFirstOpenInstant() =>
        Prop.ForAll(Instants.ToArbitrary(), t => AssertFirstOpen(FuturesMarketHours.CmeEquityIndex, t));

    [Property(MaxTest = 300)]
    public Property AnyScheduleNextOpenIsTheFirstOpenInstant() =>
        Prop.ForAll(Schedules.ToArbitrary(), Instants.ToArbitrary(), (schedule, t) => AssertFirstOpen(new FuturesMarketHours(schedule), t));

    private static void AssertFirstOpen(FuturesMarketHours hours, DateTimeOffset t)
    {
        var next = hours.NextOpen(t);

        Assert.True(next >= t, $"NextOpen({t:O}) = {next:O} is earlier");
        Assert.True(hours.IsOpen(next), $"NextOpen({t:O}) = {next:O} is closed");
        Assert.True(next - t < TimeSpan.FromDays(8), $"NextOpen({t:O}) = {next:O} is more than a week away");
        if (next == t)
        {
            return;
        }

        Assert.False(hours.IsOpen(next.AddTicks(-1)), $"open just before NextOpen({t:O}) = {next:O}");
        for (var at = t; at < next; at = at.AddMinutes(1))
        {
            Assert.False(hours.IsOpen(at), $"{at:O} is open before NextOpen({t:O}) = {next:O}");
        }
    }
}
