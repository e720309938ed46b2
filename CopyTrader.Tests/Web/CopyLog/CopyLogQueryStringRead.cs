using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Web.CopyLog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CopyTrader.Tests.Web.CopyLog;

public sealed class CopyLogQueryStringRead
{
    [Fact]
    public void ReadsBackEveryCriterionTheLinkWrites()
    {
        var filter = new CopyLogFilter
        {
            FromUtc = new DateTimeOffset(2026, 11, 23, 9, 30, 0, 125, TimeSpan.Zero),
            ToUtc = new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero),
            CopyGroupId = 2,
            FollowerAccountId = 21,
            Outcome = CopyOutcome.DryRun,
            Symbol = "MNQ",
        };

        Assert.True(CopyLogQueryString.TryRead(Query(CopyLogQueryString.Append("x", filter)), out var read, out var errors), string.Join("; ", errors.Values.SelectMany(v => v)));

        Assert.Equal(filter, read);
    }

    [Fact]
    public void NoParametersMeanEveryEntry()
    {
        Assert.True(CopyLogQueryString.TryRead(Query(""), out var read, out _));

        Assert.Equal(CopyLogFilter.All, read);
        Assert.Equal("copy-log/export.csv", CopyLogQueryString.Append("copy-log/export.csv", CopyLogFilter.All));
    }

    [Theory]
    [InlineData("2026-11-23T14:30:00Z", "2026-11-23T14:30:00.0000000+00:00")]
    [InlineData("2026-11-23T14:30:00+01:00", "2026-11-23T13:30:00.0000000+00:00")]
    [InlineData("2026-11-23T14:30", "2026-11-23T14:30:00.0000000+00:00")] // no offset: UTC
    [InlineData("2026-11-23", "2026-11-23T00:00:00.0000000+00:00")]
    public void ReadsTimesAsUtc(string text, string expected)
    {
        Assert.True(CopyLogQueryString.TryRead(Query($"?from={Uri.EscapeDataString(text)}"), out var read, out _));

        Assert.Equal(expected, read.FromUtc!.Value.ToString("O"));
    }

    [Theory]
    [InlineData("?to=31/31/2026", "to")]
    [InlineData("?group=-1", "group")]
    [InlineData("?follower=0", "follower")]
    [InlineData("?outcome=3", "outcome")]
    [InlineData("?outcome=Lost", "outcome")]
    [InlineData("?from=2026-11-24&to=2026-11-23", "from")]
    [InlineData("?symbol=ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNO", "symbol")]
    [InlineData("?group=1&group=2", "group")]
    public void RefusesMalformedValuesNamingTheParameter(string query, string parameter)
    {
        Assert.False(CopyLogQueryString.TryRead(Query(query), out _, out var errors));

        Assert.Equal([parameter], errors.Keys);
    }

    [Fact]
    public void OutcomeIgnoresCase()
    {
        Assert.True(CopyLogQueryString.TryRead(Query("?outcome=rejected"), out var read, out _));

        Assert.Equal(CopyOutcome.Rejected, read.Outcome);
    }

    private static QueryCollection Query(string urlOrQuery)
    {
        var index = urlOrQuery.IndexOf('?');
        return new QueryCollection(QueryHelpers.ParseQuery(index < 0 ? "" : urlOrQuery[index..]));
    }
}
