using System.Globalization;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class FuturesMarketHoursNextOpen
{
    private static readonly FuturesMarketHours Cme = FuturesMarketHours.CmeEquityIndex;

    private static DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-28T12:00:00Z", "2026-11-29T23:00:00Z")] // Saturday → Sunday 17:00 CST
    [InlineData("2026-11-27T22:00:00Z", "2026-11-29T23:00:00Z")] // the Friday close → Sunday
    [InlineData("2026-11-24T22:30:00Z", "2026-11-24T23:00:00Z")] // daily halt → 17:00 the same day
    [InlineData("2026-11-24T22:00:00Z", "2026-11-24T23:00:00Z")]
    [InlineData("2026-11-29T22:59:59Z", "2026-11-29T23:00:00Z")]
    [InlineData("2026-06-06T12:00:00Z", "2026-06-07T22:00:00Z")] // Saturday in summer → Sunday 17:00 CDT
    [InlineData("2026-03-06T23:00:00Z", "2026-03-08T22:00:00Z")] // closed under CST, opens under CDT
    [InlineData("2026-10-30T21:30:00Z", "2026-11-01T23:00:00Z")] // closed under CDT, opens under CST
    public void GivesTheNextOpenWhenClosed(string from, string expected) => Assert.Equal(Utc(expected), Cme.NextOpen(Utc(from)));

    [Theory]
    [InlineData("2026-11-29T23:00:00Z")]
    [InlineData("2026-11-25T15:00:00Z")]
    [InlineData("2026-11-27T21:59:59Z")]
    public void GivesTheInstantItselfWhenOpen(string at) => Assert.Equal(Utc(at), Cme.NextOpen(Utc(at)));

    [Fact]
    public void ReturnsUtc() => Assert.Equal(TimeSpan.Zero, Cme.NextOpen(Utc("2026-11-28T12:00:00Z").ToOffset(TimeSpan.FromHours(-6))).Offset);

    [Fact]
    public void OpensAtTheJumpWhenTheOpenFallsInTheSkippedHour()
    {
        // 02:30 does not exist on 8 March 2026: the clock goes from 01:59:59 CST to 03:00 CDT at 08:00Z.
        var hours = new FuturesMarketHours(new FuturesSessionSchedule { WeekOpenTime = new(2, 30), DailyHaltStart = null, DailyHaltEnd = null });

        Assert.Equal(Utc("2026-03-08T08:00:00Z"), hours.NextOpen(Utc("2026-03-07T12:00:00Z")));
        Assert.False(hours.IsOpen(Utc("2026-03-08T07:59:59Z")));
        Assert.True(hours.IsOpen(Utc("2026-03-08T08:00:00Z")));
    }

    [Fact]
    public void OpensAtTheFirstOccurrenceOfARepeatedHour()
    {
        // 01:30 happens twice on 1 November 2026: first at 06:30Z (CDT), again at 07:30Z (CST).
        var hours = new FuturesMarketHours(new FuturesSessionSchedule { WeekOpenTime = new(1, 30), DailyHaltStart = null, DailyHaltEnd = null });

        Assert.Equal(Utc("2026-11-01T06:30:00Z"), hours.NextOpen(Utc("2026-10-31T12:00:00Z")));
    }

    [Fact]
    public void SkipsAWeekOpenThatFallsInsideTheHalt()
    {
        var hours = new FuturesMarketHours(new FuturesSessionSchedule { WeekOpenTime = new(16, 30) });

        Assert.Equal(Utc("2026-11-29T23:00:00Z"), hours.NextOpen(Utc("2026-11-28T12:00:00Z")));
    }
}
