using Bunit;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Web.Components.Pages.CopyLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.CopyLog;

public sealed class CopyLogPageTests : BunitContext, IAsyncLifetime
{
    private Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 42, 17, 250, TimeSpan.Zero);

    private static readonly CopyConfigSnapshot Config = new(
        [],
        [new AccountSnapshot(10, 1, "L-1", "Demo leader"), new AccountSnapshot(20, 1, "F-1", "Follower ×1"), new AccountSnapshot(21, 1, "F-2", "Follower ×2")],
        [new CopyGroupSnapshot(1, "Demo", 10, true, [new FollowerSnapshot(101, 20, true, FollowerRule.Default), new FollowerSnapshot(102, 21, true, FollowerRule.Default)]),
            new CopyGroupSnapshot(2, "Gold", 10, true, [new FollowerSnapshot(103, 21, true, FollowerRule.Default)])],
        []);

    private readonly FakeCopyLogQuery _query = new();

    public CopyLogPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ICopyLogQuery>(_query);
        Services.AddSingleton<ICopyConfigStore>(new FakeConfigStore(Config));
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Authorization = this.SignIn();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void OpensOnTheLast24HoursUpToNowForTheGridAndTheStatistics()
    {
        var cut = Render<CopyLogPage>();

        var expected = new CopyLogFilter { FromUtc = new DateTimeOffset(2026, 11, 22, 15, 42, 0, TimeSpan.Zero), ToUtc = Now };
        cut.WaitForAssertion(() => Assert.Equal((expected, 0, 25), Assert.Single(_query.PageCalls)));
        Assert.Equal(expected, Assert.Single(_query.StatsCalls));
        Assert.Contains("Copies from 2026-11-22 15:42:00 before 2026-11-23 15:42:17 UTC", cut.Find("[data-range]").TextContent);
    }

    [Fact]
    public void AppliesEveryFilterToTheGridTheStatisticsAndTheExportLink()
    {
        var cut = Render<CopyLogPage>();
        cut.WaitForAssertion(() => Assert.Single(_query.PageCalls));

        cut.Find("#filter-from").Change("2026-11-23T09:30");
        cut.Find("#filter-to").Change("2026-11-23T16:00");
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<int?>>()[0].Instance.SelectOption((int?)2));
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<int?>>()[1].Instance.SelectOption((int?)21));
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<CopyOutcome?>>().Instance.SelectOption(CopyOutcome.Rejected));
        cut.Find("#filter-symbol").Change(" mnq ");
        cut.Find("#apply-filter").Click();

        var expected = new CopyLogFilter
        {
            FromUtc = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero),
            ToUtc = new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero),
            CopyGroupId = 2,
            FollowerAccountId = 21,
            Outcome = CopyOutcome.Rejected,
            Symbol = "mnq",
        };
        cut.WaitForAssertion(() => Assert.Equal((expected, 0, 25), _query.PageCalls[^1]));
        Assert.Equal(expected, _query.StatsCalls[^1]);
        Assert.Equal(
            "copy-log/export.csv?from=2026-11-23T09%3A30%3A00.000Z&to=2026-11-23T16%3A00%3A00.000Z&group=2&follower=21&outcome=Rejected&symbol=MNQ",
            cut.Find("#export-csv").GetAttribute("href"));
    }

    [Fact]
    public void ExportLinkCarriesThePinnedRangeOfTheOpenPage()
    {
        var cut = Render<CopyLogPage>();

        var link = cut.Find("#export-csv");

        Assert.Equal("copy-log/export.csv?from=2026-11-22T15%3A42%3A00.000Z&to=2026-11-23T15%3A42%3A17.250Z", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public void PresetRangesApplyAtOnce()
    {
        var cut = Render<CopyLogPage>();
        cut.WaitForAssertion(() => Assert.Single(_query.PageCalls));

        cut.Find("#range-hour").Click();
        cut.WaitForAssertion(() => Assert.Equal(new CopyLogFilter { FromUtc = new DateTimeOffset(2026, 11, 23, 14, 42, 0, TimeSpan.Zero), ToUtc = Now }, _query.PageCalls[^1].Filter));

        cut.Find("#range-all").Click();
        cut.WaitForAssertion(() => Assert.Equal(new CopyLogFilter { ToUtc = Now }, _query.PageCalls[^1].Filter));
        Assert.Equal(new CopyLogFilter { ToUtc = Now }, _query.StatsCalls[^1]);
    }

    [Fact]
    public void PagesThroughTheServerAndShowsTheTotal()
    {
        _query.Entries.AddRange(Enumerable.Range(0, 60).Select(i => Entry(i, 20, CopyOutcome.Accepted)));
        var cut = Render<CopyLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-copy-time]").Count));
        Assert.Equal("60", cut.Find("#copy-log-total").GetAttribute("data-total"));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal((1, 25), (_query.PageCalls[^1].Page, _query.PageCalls[^1].PageSize)));
        cut.WaitForAssertion(() => Assert.Equal("2026-11-23 15:00:35.000", cut.FindAll("[data-copy-time]")[0].TextContent));
    }

    [Fact]
    public void RowsShowNamesContractsAndTheBrokersWords()
    {
        _query.Entries.Add(Entry(3, 21, CopyOutcome.Rejected, "Insufficient margin"));
        var cut = Render<CopyLogPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-copy-time]")));
        var row = cut.Find("[data-copy-time]").Closest("tr")!;
        Assert.Contains("Follower ×2", row.TextContent);
        Assert.Contains("Demo leader", row.TextContent);
        Assert.Contains("MNQZ6 (from NQZ6)", row.TextContent);
        Assert.Contains("Insufficient margin", row.TextContent);
        Assert.Equal("Rejected", row.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public void ShowsLatencyStatisticsPerFollower()
    {
        _query.Stats = new LatencyStats([new FollowerLatency(20, 1200, 18.25, 95.5, 1530), new FollowerLatency(21, 3, 7, 9, 9)], Sampled: false, 100_000);

        var cut = Render<CopyLogPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-stats-follower]").Count));
        var first = cut.Find("[data-stats-follower='Follower ×1']");
        Assert.Equal(["1,200", "18.3 ms", "95.5 ms", "1530.0 ms"], new[] { "[data-count]", "[data-p50]", "[data-p95]", "[data-max]" }.Select(s => first.QuerySelector(s)!.TextContent));
        Assert.Empty(cut.FindAll("[data-stats-sampled]"));
    }

    [Fact]
    public void SaysWhenTheStatisticsCoverOnlyTheNewestCopies()
    {
        _query.Stats = new LatencyStats([new FollowerLatency(20, 100_000, 18, 95, 1530)], Sampled: true, 100_000);

        var cut = Render<CopyLogPage>();

        cut.WaitForAssertion(() => Assert.Contains("these figures cover the newest 100,000", cut.Find("[data-stats-sampled]").TextContent));
    }

    [Fact]
    public void FromAfterToIsExplainedAndNothingIsQueried()
    {
        var cut = Render<CopyLogPage>();
        cut.WaitForAssertion(() => Assert.Single(_query.PageCalls));
        var link = cut.Find("#export-csv").GetAttribute("href");

        cut.Find("#filter-from").Change("2026-11-23T12:00");
        cut.Find("#filter-to").Change("2026-11-23T11:00");
        cut.Find("#apply-filter").Click();

        cut.WaitForAssertion(() => Assert.Equal("'From' (2026-11-23 12:00:00 UTC) is after 'To' (2026-11-23 11:00:00 UTC).", cut.Find("[data-filter-error]").TextContent.Trim()));
        Assert.Single(_query.PageCalls);
        Assert.Single(_query.StatsCalls);
        Assert.Equal(link, cut.Find("#export-csv").GetAttribute("href"));
    }

    [Fact]
    public void ATimeThatIsNotADateIsExplained()
    {
        var cut = Render<CopyLogPage>();

        cut.Find("#filter-from").Change("yesterday");
        cut.Find("#apply-filter").Click();

        cut.WaitForAssertion(() => Assert.Equal("'From' must be a UTC date and time such as 2026-11-23T14:30, not 'yesterday'.", cut.Find("[data-filter-error]").TextContent.Trim()));
    }

    [Fact]
    public void ADatabaseFailureIsShownNotPassedOffAsNoCopies()
    {
        _query.Failure = new InvalidOperationException("database is locked");

        var cut = Render<CopyLogPage>();

        cut.WaitForAssertion(() => Assert.Equal("Could not load the copy log: database is locked", cut.Find("[data-grid-error]").TextContent.Trim()));
        Assert.Equal("Could not compute the latency statistics: database is locked", cut.Find("[data-stats-error]").TextContent.Trim());
        Assert.DoesNotContain("No copies match", cut.Markup);
    }

    private static CopyLogEntry Entry(int second, int followerAccount, CopyOutcome outcome, string? reason = null) =>
        new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero).AddSeconds(60 - second), 1, 10, 101, followerAccount, $"SIM-F{second}", "NQZ6", "MNQZ6",
            Side.Buy, 1, 1, outcome, 12.5, $"CT-{second}", null, reason);
}
