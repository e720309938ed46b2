using Bunit;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Components.Pages.Groups.Parts;

namespace CopyTrader.Tests.Web.Groups;

public sealed class GroupDetailTests : GroupsComponentTest
{
    private readonly List<string> _changes = [];
    private readonly List<string> _deleted = [];

    private static readonly CopyGroupView Demo = FakeCopySetupService.Group(5, "Demo",
        FakeCopySetupService.Follower(11, 2, "Alpha", FollowerRule.Default with { Multiplier = 2m, MaxPosition = 0, CopyTakeProfit = false },
            new FollowerRiskLimits { DailyLossLimit = 0m, MaxContractsPerOrder = 5 }));

    [Fact]
    public void ShowsEachFollowersSettingsWithZeroAsAValue()
    {
        var cut = RenderDetail();

        var row = cut.Find("[data-follower-row='Alpha']");
        Assert.Equal("×2 · round nearest · max 0 (stays flat) · no TP", row.QuerySelector("[data-sizing]")!.TextContent.Trim());
        Assert.Equal("daily loss 0 · max 5/order", row.QuerySelector("[data-limits]")!.TextContent.Trim());
        Assert.Contains("not enforced yet", cut.Find("#followers-table thead").TextContent);
    }

    [Fact]
    public void TheSwitchTurnsAFollowerOffThroughTheService()
    {
        var cut = RenderDetail();

        cut.Find("input[data-follower-enabled='Alpha']").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(["SetFollowerEnabled: 11 False"], Setup.Calls));
        Assert.Equal(["Alpha: copying off."], _changes);
    }

    [Fact]
    public void ARefusedSwitchShowsTheReasonAndReportsNoChange()
    {
        Setup.Result = CopySetupResult.Refused("Follower 11 does not exist.");
        var cut = RenderDetail();

        cut.Find("input[data-follower-enabled='Alpha']").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(["Follower 11 does not exist."], SaveErrors(cut)));
        Assert.Empty(_changes);
    }

    [Fact]
    public void RemovingAFollowerAsksFirstAndSaysThePositionStaysAtTheBroker()
    {
        var cut = RenderDetail();

        cut.Find("[data-remove-follower='Alpha']").Click();
        Assert.Contains("positions and orders at the broker are left as they are", cut.Find("[data-confirm]").TextContent);
        Assert.Empty(Setup.Calls);
        cut.Find("#confirm-action").Click();

        cut.WaitForAssertion(() => Assert.Equal(["RemoveFollower: 11"], Setup.Calls));
        Assert.Equal(["Alpha removed from 'Demo'."], _changes);
    }

    [Fact]
    public void DeletingTheGroupAsksFirstAndKeepsItWhenTold()
    {
        var cut = RenderDetail();

        cut.Find("#delete-group").Click();
        cut.Find("#cancel-action").Click();
        cut.Find("#delete-group").Click();
        cut.Find("#confirm-action").Click();

        cut.WaitForAssertion(() => Assert.Equal(["DeleteGroup: 5"], Setup.Calls));
        Assert.Equal(["'Demo' deleted."], _deleted);
    }

    [Fact]
    public void ANewFollowerCanBeOnlyAnAccountThatNeitherLeadsNorFollows()
    {
        var cut = RenderDetail();

        cut.Find("#add-follower").Click();

        Assert.Equal(["Beta"], cut.FindComponent<FollowerForm>().Instance.Accounts.Select(a => a.DisplayName));
    }

    [Fact]
    public void EditOpensTheFollowerFormOnThatFollowerAndSavingReportsIt()
    {
        var cut = RenderDetail();

        cut.Find("[data-edit-follower='Alpha']").Click();
        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(["UpdateFollower: 11"], Setup.Calls));
        Assert.Equal(["Alpha saved."], _changes);
        Assert.Equal(Demo.Followers[0].RiskLimits, Setup.FollowerSettings.Single().RiskLimits);
    }

    private IRenderedComponent<GroupDetail> RenderDetail() => Render<GroupDetail>(p => p
        .Add(d => d.Group, Demo)
        .Add(d => d.Accounts, Setup.Accounts)
        .Add(d => d.TakenNames, ["Demo"])
        .Add(d => d.OnChanged, message => _changes.Add(message))
        .Add(d => d.OnDeleted, message => _deleted.Add(message)));
}
