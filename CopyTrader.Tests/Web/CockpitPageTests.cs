using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Tests.Web.Cockpit;
using CopyTrader.Web.Components.Pages.Cockpit;
using MudBlazor;

namespace CopyTrader.Tests.Web;

public sealed class CockpitPageTests : CockpitComponentTest
{
    public CockpitPageTests()
    {
        History.Add(Copy(11, CopyOutcome.Accepted, 9.5, "from history", followerId: 21));
        Hub.Publish(FakeHub.State(10, "Demo leader"));
    }

    [Fact]
    public void ShowsLeaderFollowersAndHistory()
    {
        var cut = RenderReady();

        Assert.NotNull(cut.Find("[data-account='Demo leader']"));
        Assert.NotNull(cut.Find("[data-account='Follower two']"));
        Assert.Contains("Follower ×2", cut.Find("[data-account='Follower two'] [data-role]").TextContent);
        Assert.Contains("DEMO-F2", cut.Find("[data-account='Follower two'] [data-role]").TextContent);
        Assert.Contains("led by Demo leader · 2 followers", cut.Find("[data-group='Demo']").TextContent);
        Assert.Single(cut.FindAll("[data-copy-row]"));
    }

    [Fact]
    public void ShowsAPositionWhenTheHubReportsIt()
    {
        var cut = RenderReady();

        cut.InvokeAsync(() => Hub.Publish(FakeHub.State(11, "Follower one", new BrokerPosition("MNQZ6", -3, 21000.25m, -12.5m, 0m))));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-account='Follower one'] [data-position='MNQZ6']");
            Assert.Contains("Short", row.TextContent);
            Assert.Contains("3", row.TextContent);
            Assert.Contains("21000.25", row.TextContent);
            Assert.Contains("-$12.50", row.TextContent);
        });
        Assert.Contains("Connected", cut.Find("[data-account='Follower one'] [data-connection-state]").TextContent);
        Assert.NotNull(cut.Find("[data-account='Follower two'] [data-flat]"));
    }

    [Fact]
    public void ShowsBalanceDayPnlAndOpenPnlOfEachAccount()
    {
        var cut = RenderReady();

        cut.InvokeAsync(() => Hub.Publish(FakeHub.State(12, "Follower two") with { Balance = new AccountBalance(48_250.5m, 125.25m, -40m) }));

        cut.WaitForAssertion(() => Assert.Equal("$48,250.50", cut.Find("[data-account='Follower two'] [data-balance]").TextContent.Trim()));
        Assert.Equal("$125.25", cut.Find("[data-account='Follower two'] [data-day-pnl]").TextContent.Trim());
        Assert.Contains("pnl-up", cut.Find("[data-account='Follower two'] [data-day-pnl]").ClassName);
        Assert.Equal("-$40.00", cut.Find("[data-account='Follower two'] [data-open-pnl]").TextContent.Trim());
        Assert.Contains("pnl-down", cut.Find("[data-account='Follower two'] [data-open-pnl]").ClassName);
    }

    [Fact]
    public void AddsACopyRowAndTheFollowersLastLatencyWhenTheEngineReportsOne()
    {
        var cut = RenderReady();
        Assert.Equal("9.5 ms", cut.Find("[data-account='Follower one'] [data-last-copy]").TextContent.Trim());
        Assert.Equal("—", cut.Find("[data-account='Follower two'] [data-last-copy]").TextContent.Trim());

        cut.InvokeAsync(() => Engine.Complete(Copy(12, CopyOutcome.Rejected, 7.5, "Insufficient margin", followerId: 22)));

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-copy-row]");
            Assert.Equal(2, rows.Count);
            Assert.Equal("Rejected", rows[0].GetAttribute("data-copy-row"));
            Assert.Contains("Follower two", rows[0].TextContent);
            Assert.Contains("Insufficient margin", rows[0].TextContent);
            Assert.Contains("7.5 ms", rows[0].TextContent);
        });
        Assert.Equal("7.5 ms", cut.Find("[data-account='Follower two'] [data-last-copy]").TextContent.Trim());
        Assert.Equal("Rejected", cut.Find("[data-account='Follower two'] [data-last-copy]").GetAttribute("data-last-copy"));
        Assert.Empty(cut.FindAll("[data-account='Demo leader'] [data-last-copy]"));
    }

    [Fact]
    public void TheLiveCopyLogKeepsOnlyTheNewestRows()
    {
        var cut = RenderReady();

        for (var i = 0; i < CockpitFeed.CopyLogRows + 20; i++)
        {
            var n = i;
            cut.InvokeAsync(() => Engine.Complete(Copy(12, CopyOutcome.Accepted, n, followerId: 22)));
        }

        cut.WaitForAssertion(() => Assert.Equal(CockpitFeed.CopyLogRows, cut.FindAll("[data-copy-row]").Count));
        Assert.Equal($"{CockpitFeed.CopyLogRows + 19}.0 ms", cut.FindAll("[data-copy-row] [data-latency]")[0].TextContent.Trim());
        Assert.Equal("20.0 ms", cut.FindAll("[data-copy-row] [data-latency]")[^1].TextContent.Trim());
    }

    [Fact]
    public void FollowerSwitchChangesTheSetting()
    {
        RenderProviders();
        var cut = RenderReady();

        cut.Find("input[data-follower-switch='22']").Change(false);

        Assert.Equal([(22, false)], Settings.Calls);
    }

    [Fact]
    public void ARefusedFollowerSwitchShowsTheFollowerAsItIs()
    {
        RenderProviders();
        var snackbars = Render<MudSnackbarProvider>();
        Settings.Refusal = "Follower 22 does not exist.";
        var cut = RenderReady();

        cut.Find("input[data-follower-switch='22']").Change(false);

        snackbars.WaitForAssertion(() => Assert.Contains("Could not change Follower two: Follower 22 does not exist.", snackbars.Markup));
        Assert.True(cut.Find("input[data-follower-switch='22']").HasAttribute("checked"));
        Assert.Contains("Copying on", cut.Find("[data-account='Follower two']").TextContent);
    }

    [Fact]
    public void ShowsDriftFromReconciliationAndSyncsOnClick()
    {
        RenderProviders();
        var cut = RenderReady();

        cut.InvokeAsync(() => Reconciliation.Publish(new ReconciliationReport(DateTimeOffset.UnixEpoch, [new FollowerDrift(5, 22, 12, "MNQZ6", 4, 1)], [], [])));

        cut.WaitForAssertion(() => Assert.Contains("Drift MNQZ6 -3: holds 1, expected 4", cut.Find("[data-account='Follower two'] [data-drift]").TextContent));
        Assert.Empty(cut.FindAll("[data-account='Follower one'] [data-drift]"));
        cut.Find("[data-account='Follower two'] [data-sync]").Click();
        Assert.Equal([22], Reconciliation.Synced);
    }

    [Fact]
    public void ShowsAFollowerWhosePositionsCouldNotBeRead()
    {
        var cut = RenderReady();

        cut.InvokeAsync(() => Reconciliation.Publish(new ReconciliationReport(DateTimeOffset.UnixEpoch, [], [new FollowerReadFailure(5, 21, 11, "Reading positions of 'Follower one' failed: 401")], [])));

        cut.WaitForAssertion(() => Assert.Contains("Positions unknown: Reading positions of 'Follower one' failed: 401", cut.Find("[data-account='Follower one'] [data-read-failure]").TextContent));
    }

    [Fact]
    public void ShowsTheConnectionsNoticeSuchAsALockedLogin()
    {
        var cut = RenderReady();
        const string lockText = "Tradovate login demo:joe is locked until 2026-11-24 16:00 UTC (HTTP 429); no requests are sent until then.";

        cut.InvokeAsync(() => Hub.Publish(FakeHub.State(11, "Follower one") with { Notice = lockText }));

        cut.WaitForAssertion(() => Assert.Equal(lockText, cut.Find("[data-account='Follower one'] [data-connection-notice]").TextContent.Trim()));
    }

    [Fact]
    public void ShowsWhyAConnectionIsDown()
    {
        var cut = RenderReady();

        cut.InvokeAsync(() => Hub.Publish(FakeHub.State(10, "Demo leader") with { ConnectionState = BrokerConnectionState.Failed, ConnectionReason = "HTTP 401: Incorrect username or password" }));

        cut.WaitForAssertion(() => Assert.Equal("Failed: HTTP 401: Incorrect username or password", cut.Find("[data-account='Demo leader'] [data-connection-reason]").TextContent.Trim()));
        Assert.Equal("Failed", cut.Find("[data-account='Demo leader'] [data-connection-state]").TextContent.Trim());
    }

    [Fact]
    public void ShowsAConfigurationChangeWithoutAReload()
    {
        var cut = RenderReady();

        cut.InvokeAsync(() => ConfigStore.Replace(DemoConfig with { Groups = [DemoConfig.Groups[0] with { AutoCopyEnabled = false, Followers = [DemoConfig.Groups[0].Followers[0]] }] }));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-account='Follower two']")));
        Assert.Contains("Auto-copy off", cut.Find("[data-group='Demo']").TextContent);
    }

    [Fact]
    public void HideSensitiveMasksNamesNumbersBalancesAndPnlAndIsKeptByTheBrowser()
    {
        RenderProviders();
        Hub.Publish(FakeHub.State(11, "Follower one", new BrokerPosition("MNQZ6", 2, 21000m, 35m, 0m)) with { Balance = new AccountBalance(48_250.5m, 125.25m, 35m) });
        var cut = RenderReady();
        Assert.Contains("48,250.50", cut.Markup);

        cut.Find("input[data-hide-sensitive-switch]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#cockpit").GetAttribute("data-masked")));
        foreach (var secret in new[] { "Follower one", "Demo leader", "DEMO-F1", "DEMO-LEADER", "48,250", "125.25", "$35.00", "pnl-up" })
        {
            Assert.DoesNotContain(secret, cut.Markup);
        }

        var card = cut.Find("[data-account-id='11']");
        Assert.Equal("Account #11", card.GetAttribute("data-account"));
        Assert.Equal("$•••••", card.QuerySelector("[data-balance]")!.TextContent.Trim());
        Assert.Contains("MNQZ6", card.TextContent); // contracts and quantities stay: the trader still sees what is open
        Assert.Equal("Account #11", cut.Find("[data-copy-row]").GetAttribute("data-follower"));
        Assert.Contains(JSInterop.Invocations["localStorage.setItem"], i => i.Arguments.SequenceEqual(new object?[] { "copytrader.hideSensitive", "true" }));
    }

    [Fact]
    public void KeepsEverythingMaskedUntilTheBrowsersChoiceIsRead()
    {
        var stored = JSInterop.Setup<string?>("localStorage.getItem", "copytrader.hideSensitive");

        var cut = Render<CockpitPage>();

        Assert.Equal("true", cut.Find("#cockpit").GetAttribute("data-masked"));
        Assert.DoesNotContain("Follower one", cut.Markup);
        Assert.Equal("false", cut.Find("#cockpit").GetAttribute("data-interactive"));

        stored.SetResult("false");

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#cockpit").GetAttribute("data-interactive")));
        Assert.Equal("false", cut.Find("#cockpit").GetAttribute("data-masked"));
        Assert.Contains("Follower one", cut.Markup);
    }

    [Fact]
    public void RestoresHideSensitiveFromTheBrowser()
    {
        JSInterop.Setup<string?>("localStorage.getItem", "copytrader.hideSensitive").SetResult("true");

        var cut = RenderReady();

        Assert.Equal("true", cut.Find("#cockpit").GetAttribute("data-masked"));
        Assert.True(cut.Find("input[data-hide-sensitive-switch]").HasAttribute("checked"));
        Assert.DoesNotContain("Follower one", cut.Markup);
    }

    [Fact]
    public void UnsubscribesFromEveryFeedOnDispose()
    {
        var cut = RenderReady();
        Assert.Equal(1, Hub.Subscribers);
        Assert.Equal(1, Engine.Subscribers);
        Assert.Equal(1, ConfigStore.Subscribers);
        Assert.Equal(1, Reconciliation.Subscribers);

        cut.Instance.Dispose();

        Assert.Equal(0, Reconciliation.Subscribers);
        Assert.Equal(0, Hub.Subscribers);
        Assert.Equal(0, Engine.Subscribers);
        Assert.Equal(0, ConfigStore.Subscribers);
    }

    /// <summary>Renders the page and waits until it has read the browser's display choices (its interactive marker).</summary>
    private IRenderedComponent<CockpitPage> RenderReady()
    {
        var cut = Render<CockpitPage>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#cockpit").GetAttribute("data-interactive")));
        return cut;
    }
}
