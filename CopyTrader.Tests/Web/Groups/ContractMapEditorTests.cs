using Bunit;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Components.Pages.Groups.Parts;

namespace CopyTrader.Tests.Web.Groups;

public sealed class ContractMapEditorTests : GroupsComponentTest
{
    private readonly List<string> _changes = [];

    [Fact]
    public void OffersTheSixMicroPresetsAtTen()
    {
        var cut = RenderEditor(9, []);

        Assert.Equal(["NQ → MNQ ×10", "ES → MES ×10", "YM → MYM ×10", "RTY → M2K ×10", "GC → MGC ×10", "CL → MCL ×10"],
            cut.FindAll("[data-preset]").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void OneClickOnAPresetAddsItsRow()
    {
        var cut = RenderEditor(9, []);

        cut.Find("[data-preset='RTY']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["AddContractMap: 9 RTY→M2K×10"], Setup.Calls));
        Assert.Equal(["Added RTY → M2K ×10."], _changes);
    }

    [Fact]
    public void APresetWhoseRootIsMappedAlreadyIsRefusedWithAMessage()
    {
        var cut = RenderEditor(9, [new ContractMapView(3, 9, new ContractMapping("NQ", "MNQ", 5m))]);

        cut.Find("[data-preset='NQ']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["NQ is already mapped (NQ → MNQ ×5) in this group; remove that row first to change it."], SaveErrors(cut)));
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void ATypedRowIsCheckedThenSentInCapitalsAsAGlobalMap()
    {
        var cut = RenderEditor(null, []);
        cut.Find("#global-map-add").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the leader root (e.g. NQ).", cut.Markup);
            Assert.Contains("Enter the follower root (e.g. MNQ).", cut.Markup);
            Assert.Contains("Enter the ratio (e.g. 10).", cut.Markup);
        });
        cut.Find("#global-map-source").Change("e s");
        cut.Find("#global-map-ratio").Change("0");
        cut.Find("#global-map-add").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("'e s' is not a contract root such as NQ or MNQ", cut.Markup);
            Assert.Contains("The ratio must be greater than zero (got 0).", cut.Markup);
        });
        Assert.Empty(Setup.Calls);

        cut.Find("#global-map-source").Change(" es ");
        cut.Find("#global-map-target").Change("mes");
        cut.Find("#global-map-ratio").Change("10");
        cut.Find("#global-map-add").Click();

        cut.WaitForAssertion(() => Assert.Equal(["AddContractMap: global ES→MES×10"], Setup.Calls));
    }

    [Fact]
    public void RemoveSendsTheRowsId()
    {
        var cut = RenderEditor(null, [new ContractMapView(3, null, new ContractMapping("GC", "MGC", 10m))]);

        cut.Find("[data-remove-map='GC']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["RemoveContractMap: 3"], Setup.Calls));
        Assert.Equal(["Removed GC → MGC ×10."], _changes);
    }

    [Fact]
    public void TheServicesRefusalIsShown()
    {
        Setup.Result = CopySetupResult.Refused("NQ is already mapped (NQ → MNQ ×10) in the global maps; remove that row first to change it.");
        var cut = RenderEditor(null, []);

        cut.Find("[data-preset='NQ']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["NQ is already mapped (NQ → MNQ ×10) in the global maps; remove that row first to change it."], SaveErrors(cut)));
        Assert.Empty(_changes);
    }

    private IRenderedComponent<ContractMapEditor> RenderEditor(int? groupId, IReadOnlyList<ContractMapView> maps) => Render<ContractMapEditor>(p => p
        .Add(e => e.GroupId, groupId)
        .Add(e => e.Maps, maps)
        .Add(e => e.OnChanged, message => _changes.Add(message)));
}
