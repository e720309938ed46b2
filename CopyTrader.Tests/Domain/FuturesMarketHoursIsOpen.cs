using System.Globalization;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class FuturesMarketHoursIsOpen
{
    private static readonly FuturesMarketHours Cme = FuturesMarketHours.CmeEquityIndex;

    private static DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-29T22:59:59Z", false)] // Sunday 16:59:59 CST
    [InlineData("2026-11-29T23:00:00Z", true)] // Sunday 17:00 CST: the week opens
    [InlineData("2026-06-07T21:59:59Z", false)] // Sunday 16:59:59 CDT
    [InlineData("2026-06-07T22:00:00Z", true)] // Sunday 17:00 CDT
    public void OpensSundayAtFivePmCentral(string utc, bool open) => Assert.Equal(open, Cme.IsOpen(Utc(utc)));

    [Theory]
    [InlineData("2026-11-27T21:59:59Z", true)] // Friday 15:59:59 CST
    [InlineData("2026-11-27T22:00:00Z", false)] // Friday 16:00 CST: the week closes
    [InlineData("2026-11-27T23:30:00Z", false)] // Friday 17:30 CST: no halt end on Friday
    [InlineData("2026-06-05T20:59:59Z", true)] // Friday 15:59:59 CDT
    [InlineData("2026-06-05T21:00:00Z", false)]
    [InlineData("2026-11-28T12:00:00Z", false)] // Saturday
    [InlineData("2026-11-29T12:00:00Z", false)] // Sunday morning
    public void ClosesFridayAtFourPmCentral(string utc, bool open) => Assert.Equal(open, Cme.IsOpen(Utc(utc)));

    [Theory]
    [InlineData("2026-11-24T21:59:59Z", true)] // Tuesday 15:59:59 CST
    [InlineData("2026-11-24T22:00:00Z", false)] // halt starts 16:00
    [InlineData("2026-11-24T22:59:59Z", false)]
    [InlineData("2026-11-24T23:00:00Z", true)] // halt ends 17:00
    [InlineData("2026-11-23T22:30:00Z", false)] // Monday
    [InlineData("2026-11-26T22:30:00Z", false)] // Thursday
    [InlineData("2026-11-26T23:00:00Z", true)]
    [InlineData("2026-06-09T21:30:00Z", false)] // Tuesday 16:30 CDT
    [InlineData("2026-06-09T22:00:00Z", true)] // Tuesday 17:00 CDT
    [InlineData("2026-11-25T06:00:00Z", true)] // overnight Wednesday 00:00 CST
    public void HaltsDailyFromFourToFivePmCentral(string utc, bool open) => Assert.Equal(open, Cme.IsOpen(Utc(utc)));

    [Theory]
    [InlineData("2026-03-08T21:30:00Z", false)] // DST Sunday: 16:30 CDT (it would be 15:30 under CST)
    [InlineData("2026-03-08T22:00:00Z", true)] // 17:00 CDT on the day the clocks went forward
    [InlineData("2026-03-06T21:30:00Z", true)] // the Friday before: 15:30 CST
    [InlineData("2026-03-06T22:00:00Z", false)] // 16:00 CST
    [InlineData("2026-10-30T21:00:00Z", false)] // the Friday before the fall change: 16:00 CDT
    [InlineData("2026-11-01T22:00:00Z", false)] // fall Sunday: 16:00 CST (it would be 17:00 under CDT)
    [InlineData("2026-11-01T23:00:00Z", true)] // 17:00 CST
    public void UsesTheOffsetInForceAtTheInstant(string utc, bool open) => Assert.Equal(open, Cme.IsOpen(Utc(utc)));

    [Fact]
    public void AcceptsAnyOffsetForTheSameInstant()
    {
        var open = Utc("2026-11-29T23:00:00Z");

        Assert.True(Cme.IsOpen(open.ToOffset(TimeSpan.FromHours(9))));
        Assert.False(Cme.IsOpen(open.AddTicks(-1).ToOffset(TimeSpan.FromHours(-8))));
    }

    [Fact]
    public void FollowsAConfiguredScheduleWithoutHalt()
    {
        var hours = new FuturesMarketHours(new FuturesSessionSchedule { DailyHaltStart = null, DailyHaltEnd = null });

        Assert.True(hours.IsOpen(Utc("2026-11-24T22:30:00Z")));
        Assert.False(hours.IsOpen(Utc("2026-11-28T12:00:00Z")));
    }

    [Fact]
    public void FollowsAHaltAcrossMidnight()
    {
        var hours = new FuturesMarketHours(new FuturesSessionSchedule { DailyHaltStart = new(23, 0), DailyHaltEnd = new(1, 0) });

        Assert.False(hours.IsOpen(Utc("2026-11-25T05:30:00Z"))); // Tuesday 23:30 CST
        Assert.False(hours.IsOpen(Utc("2026-11-25T06:30:00Z"))); // Wednesday 00:30 CST
        Assert.True(hours.IsOpen(Utc("2026-11-25T07:00:00Z"))); // Wednesday 01:00 CST
        Assert.True(hours.IsOpen(Utc("2026-11-24T22:30:00Z"))); // 16:30: no CME halt in this schedule
    }

    [Fact]
    public void FollowsAWeekThatWrapsPastSaturday()
    {
        var hours = new FuturesMarketHours(new FuturesSessionSchedule
        {
            WeekOpenDay = DayOfWeek.Wednesday, WeekCloseDay = DayOfWeek.Monday, DailyHaltStart = null, DailyHaltEnd = null,
        });

        Assert.True(hours.IsOpen(Utc("2026-11-28T12:00:00Z"))); // Saturday
        Assert.False(hours.IsOpen(Utc("2026-11-24T12:00:00Z"))); // Tuesday
    }

    public static TheoryData<FuturesSessionSchedule> Broken => new()
    {
        new FuturesSessionSchedule { WeekCloseDay = DayOfWeek.Sunday, WeekCloseTime = new(17, 0) },
        new FuturesSessionSchedule { DailyHaltEnd = null },
        new FuturesSessionSchedule { DailyHaltStart = new(17, 0) },
        new FuturesSessionSchedule { WeekCloseDay = DayOfWeek.Sunday, WeekCloseTime = new(17, 30), DailyHaltEnd = new(18, 0) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void RefusesAScheduleThatCannotWork(FuturesSessionSchedule schedule) =>
        Assert.Throws<ArgumentException>(() => new FuturesMarketHours(schedule));
}
