using Bunit;
using CopyTrader.Web.Components.Pages.Groups;
using MudBlazor;

namespace CopyTrader.Tests.Web.Groups;

public sealed class GroupsPageTests : GroupsComponentTest
{
    [Fact]
    public void ListsTheGroupsAndOpensTheOnlyOne()
    {
        Setup.Groups.Add(FakeCopySetupService.Group(5, "Demo", FakeCopySetupService.Follower(11, 2, "Alpha")));

        var cut = Render<GroupsPage>();

        Assert.Contains("1 of 1 on", cut.Find("[data-group-row='Demo']").TextContent);
        Assert.Equal("Demo", cut.Find("#group-detail").GetAttribute("data-group"));
        Assert.NotNull(cut.Find("[data-follower-row='Alpha']"));
    }

    [Fact]
    public void OpensTheGroupChosenWhenThereAreSeveral()
    {
        Setup.Groups.AddRange([FakeCopySetupService.Group(5, "Demo"), FakeCopySetupService.Group(6, "Swing")]);
        var cut = Render<GroupsPage>();
        Assert.Empty(cut.FindAll("#group-detail"));

        cut.Find("[data-open-group='Swing']").Click();

        Assert.Equal("Swing", cut.Find("#group-detail").GetAttribute("data-group"));
    }

    [Fact]
    public void ACreatedGroupIsLoadedAgainAndOpened()
    {
        var cut = Render<GroupsPage>();
        Assert.NotNull(cut.Find("[data-no-groups]"));
        cut.Find("#new-group").Click();
        cut.Find("#group-name").Change("Swing");
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)1));
        Setup.Groups.Add(FakeCopySetupService.Group(7, "Swing"));

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() => Assert.Equal("Swing", cut.Find("#group-detail").GetAttribute("data-group")));
        Assert.Empty(cut.FindAll("#group-form"));
        Assert.Equal(2, Setup.Loads);
    }

    [Fact]
    public void APresetClickAddsAGlobalMapRow()
    {
        var cut = Render<GroupsPage>();

        cut.Find("[data-map-scope='global'] [data-preset='NQ']").Click();

        cut.WaitForAssertion(() => Assert.Contains("×10", cut.Find("[data-map-scope='global'] [data-map-row='NQ']").TextContent));
        Assert.Empty(cut.FindAll("[data-map-scope='global'] [data-no-maps]"));
    }

    [Fact]
    public void SaysToAddAConnectionWhenNoAccountIsSaved()
    {
        Setup.Accounts.Clear();

        Assert.Contains("add a broker connection first", Render<GroupsPage>().Find("[data-no-accounts]").TextContent);
    }

    [Fact]
    public void ALoadFailureIsShownWithItsCause()
    {
        Setup.LoadFailure = new InvalidOperationException("database is locked");

        Assert.Equal("Could not load the copy groups: database is locked", Render<GroupsPage>().Find("[data-page-error]").TextContent.Trim());
    }
}
