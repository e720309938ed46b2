using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Web.Components.Pages.Cockpit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web;

public sealed class CockpitPageTests : BunitContext, IAsyncLifetime
{
    private static readonly CopyConfigSnapshot Config = new(
        [new ConnectionSnapshot(1, "Simulator (demo)", BrokerKind.Simulator, "x")],
        [new AccountSnapshot(10, 1, "DEMO-LEADER", "Demo leader"), new AccountSnapshot(11, 1, "DEMO-F1", "Follower one"), new AccountSnapshot(12, 1, "DEMO-F2", "Follower two")],
        [new CopyGroupSnapshot(5, "Demo", 10, true, [new FollowerSnapshot(21, 11, true, FollowerRule.Default), new FollowerSnapshot(22, 12, true, FollowerRule.Default with { Multiplier = 2m })])],
        []);

    private readonly FakeHub _hub = new();
    private readonly FakeEngine _engine = new();
    private readonly FakeConfigStore _config = new(Config);
    private readonly RecordingConfigurationService _settings = new();
    private readonly FakeReconciliation _reconciliation = new();

    public CockpitPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<ILeaderMonitorHub>(_hub);
        Services.AddSingleton<ICopyEngine>(_engine);
        Services.AddSingleton<ICopyConfigStore>(_config);
        Services.AddSingleton<ICopyLogReader>(new FakeCopyLogReader(Entry(1, 11, CopyOutcome.Accepted, "from history")));
        Services.AddSingleton<ICopyConfigurationService>(_settings);
        Services.AddSingleton<IReconciliationService>(_reconciliation);
        _hub.Publish(FakeHub.State(10, "Demo leader"));
    }

    [Fact]
    public void ShowsLeaderFollowersAndHistory()
    {
        var cut = Render<CockpitPage>();

        Assert.NotNull(cut.Find("[data-account='Demo leader']"));
        Assert.NotNull(cut.Find("[data-account='Follower two']"));
        Assert.Contains("Follower ×2", cut.Find("[data-account='Follower two']").TextContent);
        Assert.Single(cut.FindAll("[data-copy-row]"));
    }

    [Fact]
    public void ShowsAPositionWhenTheHubReportsIt()
    {
        var cut = Render<CockpitPage>();

        cut.InvokeAsync(() => _hub.Publish(FakeHub.State(11, "Follower one", new BrokerPosition("MNQZ6", -3, 21000.25m, -12.5m, 0m))));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-account='Follower one'] [data-position='MNQZ6']");
            Assert.Contains("Short", row.TextContent);
            Assert.Contains("3", row.TextContent);
            Assert.Contains("21000.25", row.TextContent);
            Assert.Contains("-$12.50", row.TextContent);
        });
        Assert.Contains("Connected", cut.Find("[data-account='Follower one'] [data-connection-state]").TextContent);
    }

    [Fact]
    public void AddsACopyRowWhenTheEngineReportsOne()
    {
        var cut = Render<CockpitPage>();

        cut.InvokeAsync(() => _engine.Complete(Entry(2, 12, CopyOutcome.Rejected, "Insufficient margin")));

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-copy-row]");
            Assert.Equal(2, rows.Count);
            Assert.Equal("Rejected", rows[0].GetAttribute("data-copy-row"));
            Assert.Contains("Follower two", rows[0].TextContent);
            Assert.Contains("Insufficient margin", rows[0].TextContent);
            Assert.Contains("7.5 ms", rows[0].TextContent);
        });
    }

    [Fact]
    public void FollowerSwitchChangesTheSetting()
    {
        Render<MudPopoverProvider>();
        var cut = Render<CockpitPage>();

        cut.Find("input[data-follower-switch='22']").Change(false);

        Assert.Equal([(22, false)], _settings.Calls);
    }

    [Fact]
    public void ShowsDriftFromReconciliationAndSyncsOnClick()
    {
        Render<MudPopoverProvider>();
        var cut = Render<CockpitPage>();

        cut.InvokeAsync(() => _reconciliation.Publish(new ReconciliationReport(DateTimeOffset.UnixEpoch, [new FollowerDrift(5, 22, 12, "MNQZ6", 4, 1)], [], [])));

        cut.WaitForAssertion(() => Assert.Contains("Drift MNQZ6 -3: holds 1, expected 4", cut.Find("[data-account='Follower two'] [data-drift]").TextContent));
        Assert.Empty(cut.FindAll("[data-account='Follower one'] [data-drift]"));
        cut.Find("[data-account='Follower two'] [data-sync]").Click();
        Assert.Equal([22], _reconciliation.Synced);
    }

    [Fact]
    public void ShowsAFollowerWhosePositionsCouldNotBeRead()
    {
        var cut = Render<CockpitPage>();

        cut.InvokeAsync(() => _reconciliation.Publish(new ReconciliationReport(DateTimeOffset.UnixEpoch, [], [new FollowerReadFailure(5, 21, 11, "Reading positions of 'Follower one' failed: 401")], [])));

        cut.WaitForAssertion(() => Assert.Contains("Positions unknown: Reading positions of 'Follower one' failed: 401", cut.Find("[data-account='Follower one'] [data-read-failure]").TextContent));
    }

    [Fact]
    public void ShowsTheConnectionsNoticeSuchAsALockedLogin()
    {
        var cut = Render<CockpitPage>();
        const string lockText = "Tradovate login demo:joe is locked until 2026-11-24 16:00 UTC (HTTP 429); no requests are sent until then.";

        cut.InvokeAsync(() => _hub.Publish(FakeHub.State(11, "Follower one") with { Notice = lockText }));

        cut.WaitForAssertion(() => Assert.Equal(lockText, cut.Find("[data-account='Follower one'] [data-connection-notice]").TextContent.Trim()));
    }

    [Fact]
    public void UnsubscribesFromEveryFeedOnDispose()
    {
        var cut = Render<CockpitPage>();
        Assert.Equal(1, _hub.Subscribers);
        Assert.Equal(1, _engine.Subscribers);
        Assert.Equal(1, _config.Subscribers);
        Assert.Equal(1, _reconciliation.Subscribers);

        cut.Instance.Dispose();

        Assert.Equal(0, _reconciliation.Subscribers);
        Assert.Equal(0, _hub.Subscribers);
        Assert.Equal(0, _engine.Subscribers);
        Assert.Equal(0, _config.Subscribers);
    }

    private static CopyLogEntry Entry(long id, int followerAccountId, CopyOutcome outcome, string? reason) =>
        new(DateTimeOffset.Parse("2026-11-23T15:00:00Z"), 5, 10, followerAccountId == 11 ? 21 : 22, followerAccountId, $"SIM-F{id}", "MNQZ6", "MNQZ6",
            Side.Buy, 1, 2, outcome, 7.5, "CT-1", outcome == CopyOutcome.Accepted ? "SIM-O1" : null, reason);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
