using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class UsCentralTimeOffsetAt
{
    [Theory]
    [InlineData("2026-03-08T07:59:59Z", -6)] // 01:59:59 CST, second Sunday of March
    [InlineData("2026-03-08T08:00:00Z", -5)] // 02:00 CST becomes 03:00 CDT
    [InlineData("2026-11-01T06:59:59Z", -5)] // 01:59:59 CDT, first Sunday of November
    [InlineData("2026-11-01T07:00:00Z", -6)] // 02:00 CDT becomes 01:00 CST
    [InlineData("2027-03-14T07:59:59Z", -6)]
    [InlineData("2027-03-14T08:00:00Z", -5)] // 1 March 2027 is a Monday: the second Sunday is the 14th
    [InlineData("2027-11-07T06:59:59Z", -5)]
    [InlineData("2027-11-07T07:00:00Z", -6)]
    [InlineData("2026-01-15T12:00:00Z", -6)]
    [InlineData("2026-07-15T12:00:00Z", -5)]
    [InlineData("2026-12-31T23:59:59Z", -6)]
    public void FollowsTheUsDaylightRule(string utc, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), UsCentralTime.OffsetAt(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void GivesTheCentralWallClock()
    {
        var central = UsCentralTime.ToCentral(new DateTimeOffset(2026, 11, 29, 22, 55, 0, TimeSpan.Zero));

        Assert.Equal((new DateTime(2026, 11, 29, 16, 55, 0), TimeSpan.FromHours(-6)), (central.DateTime, central.Offset));
    }

    [Theory]
    [InlineData("2026-01-10T00:00:00Z", "2026-03-08T08:00:00Z")]
    [InlineData("2026-03-08T08:00:00Z", "2026-11-01T07:00:00Z")]
    [InlineData("2026-11-01T07:00:00Z", "2027-03-14T08:00:00Z")]
    public void NextChangeIsStrictlyLater(string from, string expected)
    {
        var parse = (string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(parse(expected), UsCentralTime.NextChangeAfter(parse(from)));
    }
}
