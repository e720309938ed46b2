using Bunit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Web.Components.Pages.Cockpit;
using CopyTrader.Web.Components.Pages.Cockpit.Parts;
using MudBlazor;

namespace CopyTrader.Tests.Web.Cockpit;

public sealed class GroupPanelTests : CockpitComponentTest
{
    [Fact]
    public void AutoCopySwitchChangesOnlyAutoCopyAndKeepsTheGroupsOtherOptions()
    {
        RenderProviders();
        var cut = RenderPanel();
        Assert.Contains("Auto-copy on", cut.Find("[data-group='Demo']").TextContent);

        cut.Find("input[data-auto-copy-switch='5']").Change(false);

        // DemoConfig's group runs dry and mirrors working orders; both stay as they are.
        Assert.Equal([(5, new GroupOptions(AutoCopyEnabled: false, DryRun: true, AutoSync: false, MirrorWorkingOrders: true))], Settings.GroupCalls);
    }

    [Fact]
    public void ARefusedSwitchShowsTheServicesReason()
    {
        RenderProviders();
        var snackbars = Render<MudSnackbarProvider>();
        Settings.Refusal = "Copy group 5 does not exist.";
        var cut = RenderPanel();

        cut.Find("input[data-auto-copy-switch='5']").Change(false);

        snackbars.WaitForAssertion(() => Assert.Contains("Could not change auto-copy of Demo: Copy group 5 does not exist.", snackbars.Markup));
        Assert.Empty(Settings.GroupCalls);
        Assert.True(cut.Find("input[data-auto-copy-switch='5']").HasAttribute("checked")); // the switch shows the group as it is, not as clicked
    }

    [Fact]
    public void ShowsTheLeaderAndEveryFollowerWithTheirRules()
    {
        var cut = RenderPanel();

        Assert.Equal(["Demo leader", "Follower one", "Follower two"], cut.FindAll("[data-account]").Select(c => c.GetAttribute("data-account")));
        Assert.StartsWith("Leader", cut.Find("[data-account='Demo leader'] [data-role]").TextContent);
        Assert.StartsWith("Follower ×1", cut.Find("[data-account='Follower one'] [data-role]").TextContent);
        Assert.Contains("Dry run", cut.Markup);
        Assert.Contains("Working orders mirrored", cut.Markup);
    }

    private IRenderedComponent<GroupPanel> RenderPanel()
    {
        var feed = new CockpitFeed(Hub, Engine, Reconciliation, _ => true);
        return Render<GroupPanel>(p => p
            .Add(g => g.Group, DemoConfig.Groups[0])
            .Add(g => g.Config, DemoConfig)
            .Add(g => g.Feed, feed));
    }
}
