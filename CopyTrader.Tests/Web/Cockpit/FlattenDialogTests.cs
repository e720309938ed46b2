using Bunit;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Components.Pages.Cockpit;
using CopyTrader.Web.Components.Pages.Cockpit.Parts;

namespace CopyTrader.Tests.Web.Cockpit;

public sealed class FlattenDialogTests : CockpitComponentTest
{
    private static readonly FlattenResult LeaderFlat = new(10, "Demo leader", [new FlattenStep("Cancel order 77 (MNQZ6)", true), new FlattenStep("Liquidate MNQZ6", true)]);
    private static readonly FlattenResult FollowerRefused = new(12, "Follower two",
        [new FlattenStep("Liquidate MNQZ6", false, "Rejected: Account DEMO-F2 is closed for trading")]);

    [Fact]
    public void CancelClosesTheDialogWithoutFlattening()
    {
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Everything)).Find("[data-flatten='everything'] ").Click();
        Assert.Contains("Every leader and follower of every copy group", dialogs.Find("[data-flatten-consequence]").TextContent);

        dialogs.Find("[data-flatten-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-flatten-dialog]")));
        Assert.Empty(Flatten.Calls);
    }

    [Fact]
    public void ConfirmFlattensEverythingAndShowsEachAccountsSteps()
    {
        Flatten.Results = [LeaderFlat, FollowerRefused];
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Everything)).Find("[data-flatten='everything']").Click();

        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-flatten-result]").Count));
        Assert.Equal(["all"], Flatten.Calls);
        Assert.Equal("1 of 2 accounts not flat: see the broker's answer below.", dialogs.Find("[data-flatten-summary]").TextContent.Trim());
        var leader = dialogs.Find("[data-flatten-result='10']");
        Assert.Equal("true", leader.GetAttribute("data-flatten-succeeded"));
        Assert.Contains("Demo leader", leader.TextContent);
        Assert.Contains("✓ Cancel order 77 (MNQZ6)", leader.TextContent);
        Assert.Contains("✓ Liquidate MNQZ6", leader.TextContent);
        var follower = dialogs.Find("[data-flatten-result='12']");
        Assert.Equal("false", follower.GetAttribute("data-flatten-succeeded"));
        Assert.Contains("Not flat", follower.TextContent);
        Assert.Equal("✗ Liquidate MNQZ6: Rejected: Account DEMO-F2 is closed for trading", follower.QuerySelector("[data-flatten-step='failed']")!.TextContent.Trim());

        dialogs.Find("[data-flatten-close]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-flatten-dialog]")));
    }

    [Fact]
    public void ShowsThatTheFlattenRunsAndCannotBeCancelledMidway()
    {
        Flatten.Gate = new TaskCompletionSource();
        Flatten.Results = [LeaderFlat];
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Group(5, "Demo"))).Find("[data-flatten='group-5']").Click();

        dialogs.Find("[data-flatten-confirm]").Click();

        Assert.True(dialogs.Find("[data-flatten-cancel]").HasAttribute("disabled"));
        Assert.True(dialogs.Find("[data-flatten-confirm]").HasAttribute("disabled"));
        Assert.Equal(["group 5"], Flatten.Calls);
        dialogs.InvokeAsync(() => Flatten.Gate.SetResult());
        dialogs.WaitForAssertion(() => Assert.Equal("1 account is flat.", dialogs.Find("[data-flatten-summary]").TextContent.Trim()));
    }

    [Fact]
    public void AFlattenThatThrowsShowsTheErrorNotASuccess()
    {
        Flatten.Failure = new InvalidOperationException("Simulator (demo) is not connected");
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Account(11, "Follower one", isLeader: false))).Find("[data-flatten='account-11']").Click();
        Assert.Contains("Only this account; its leader keeps its positions.", dialogs.Find("[data-flatten-consequence]").TextContent);

        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("The flatten did not run to its end: Simulator (demo) is not connected", dialogs.Find("[data-flatten-error]").TextContent.Trim()));
        Assert.Equal(["account 11"], Flatten.Calls);
        Assert.Empty(dialogs.FindAll("[data-flatten-summary]"));
    }

    [Fact]
    public void ALeadersFlattenSaysItsFollowersCloseToo()
    {
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Account(10, "Demo leader", isLeader: true))).Find("[data-flatten='account-10']").Click();

        Assert.Contains("the close is copied and its followers close too", dialogs.Find("[data-flatten-consequence]").TextContent);
        Assert.Contains("Flatten Demo leader", dialogs.Markup);
    }

    [Fact]
    public void MaskedResultsHideAccountNamesAndNumbers()
    {
        Flatten.Results = [FollowerRefused];
        var dialogs = RenderProviders();
        var mask = SensitiveMask.For(DemoConfig, hide: true);
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Account(12, mask.AccountName(12, "Follower two"), isLeader: false)).Add(b => b.Mask, mask))
            .Find("[data-flatten='account-12']").Click();

        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-flatten-result]")));
        Assert.DoesNotContain("Follower two", dialogs.Markup);
        Assert.DoesNotContain("DEMO-F2", dialogs.Markup);
        Assert.Contains("Account #12", dialogs.Find("[data-flatten-result='12']").TextContent);
        Assert.Contains("Rejected: Account ••••• is closed for trading", dialogs.Find("[data-flatten-result='12']").TextContent);
    }

    [Fact]
    public void EachCardAndGroupHasItsFlattenButton()
    {
        Flatten.Results = [FollowerRefused];
        var dialogs = RenderProviders();
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#cockpit").GetAttribute("data-interactive")));
        Assert.Equal(["everything", "group-5", "account-10", "account-11", "account-12"], page.FindAll("[data-flatten]").Select(b => b.GetAttribute("data-flatten")));

        page.Find("[data-flatten='account-12']").Click();
        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["account 12"], Flatten.Calls));
    }
}
