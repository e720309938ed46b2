using Bunit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Components.Pages.Groups.Parts;
using MudBlazor;

namespace CopyTrader.Tests.Web.Groups;

public sealed class GroupFormTests : GroupsComponentTest
{
    private readonly List<int> _saved = [];

    [Fact]
    public void SavingAnEmptyFormShowsWhatIsMissingAndAsksNobody()
    {
        var cut = RenderForm();

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("The group name is required.", cut.Markup);
            Assert.Contains("Choose the leader account.", cut.Markup);
        });
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void ANameInUseIsRefusedIgnoringCase()
    {
        var cut = RenderForm();
        cut.Find("#group-name").Change("demo");
        ChooseLeader(cut, 1);

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() => Assert.Contains("A copy group named 'demo' already exists.", cut.Markup));
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void CreateSendsTheNameLeaderAndEverySwitch()
    {
        var cut = RenderForm();
        cut.Find("#group-name").Change("  Swing ");
        ChooseLeader(cut, 2);
        cut.Find("input[data-switch='auto-copy']").Change(true);
        cut.Find("input[data-switch='dry-run']").Change(true);
        cut.Find("input[data-switch='mirror-orders']").Change(true);

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() => Assert.Equal([7], _saved));
        Assert.Equal([new GroupDraft("Swing", 2, new GroupOptions(AutoCopyEnabled: true, DryRun: true, AutoSync: false, MirrorWorkingOrders: true))], Setup.GroupDrafts);
        Assert.Equal(["CreateGroup: Swing"], Setup.Calls);
    }

    [Fact]
    public void ANewGroupStartsWithAutoCopyOff() =>
        Assert.False(RenderForm().Find("input[data-switch='auto-copy']").HasAttribute("checked"));

    [Fact]
    public void EditStartsFromTheGroupAndMayKeepItsOwnName()
    {
        var group = FakeCopySetupService.Group(5, "Demo") with { Options = new GroupOptions(true, AutoSync: true) };
        var cut = RenderForm(group);
        Assert.Equal("Demo", cut.Find("#group-name").GetAttribute("value"));
        ChooseLeader(cut, 3);

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() => Assert.Equal(["UpdateGroup: 5 Demo"], Setup.Calls));
        Assert.Equal(new GroupDraft("Demo", 3, new GroupOptions(true, AutoSync: true)), Setup.GroupDrafts.Single());
    }

    [Fact]
    public void TheServicesRefusalIsShownAndNothingIsReportedSaved()
    {
        Setup.Result = CopySetupResult.Refused("Refused: this would create a copy loop (Alpha → Leader → Alpha); a trade would be copied back to where it came from.");
        var cut = RenderForm(FakeCopySetupService.Group(5, "Demo"));
        ChooseLeader(cut, 2);

        cut.Find("#save-group").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Refused: this would create a copy loop (Alpha → Leader → Alpha); a trade would be copied back to where it came from."], SaveErrors(cut)));
        Assert.Empty(_saved);
    }

    private IRenderedComponent<GroupForm> RenderForm(CopyGroupView? group = null) => Render<GroupForm>(p => p
        .Add(f => f.Group, group)
        .Add(f => f.Accounts, Setup.Accounts)
        .Add(f => f.TakenNames, ["Demo"])
        .Add(f => f.OnSaved, id => _saved.Add(id)));

    private static void ChooseLeader(IRenderedComponent<GroupForm> cut, int accountId) =>
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)accountId));
}
