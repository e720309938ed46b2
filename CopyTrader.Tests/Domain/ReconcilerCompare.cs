using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Tests.Domain;

public class ReconcilerCompare
{
    private static readonly Reconciler Reconciler = new(InstrumentCatalog.Default);
    private static readonly FollowerSnapshot X2 = new(5, 15, true, FollowerRule.Default with { Multiplier = 2m });
    private static readonly CopyGroupSnapshot Group = new(1, "G", 10, true, [X2]);

    private static Dictionary<string, int> Positions(params (string Symbol, int Qty)[] positions) =>
        positions.ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void NoDriftWhenTheFollowerMirrorsTheLeader() =>
        Assert.Empty(Reconciler.Compare(Group, ContractMap.None, Positions(("MNQZ6", 2)), X2, Positions(("MNQZ6", 4))));

    [Fact]
    public void ReportsTheSizeOfTheDrift()
    {
        var drift = Assert.Single(Reconciler.Compare(Group, ContractMap.None, Positions(("MNQZ6", 2)), X2, Positions(("MNQZ6", 3))));

        Assert.Equal((1, 5, 15, "MNQZ6", 4, 3, -1), (drift.GroupId, drift.FollowerId, drift.AccountId, drift.Symbol, drift.Expected, drift.Actual, drift.Size));
    }

    [Fact]
    public void AContractTheLeaderDoesNotHoldIsExpectedFlat()
    {
        var drift = Assert.Single(Reconciler.Compare(Group, ContractMap.None, Positions(), X2, Positions(("ESZ6", -1))));

        Assert.Equal((0, -1), (drift.Expected, drift.Actual));
    }

    [Fact]
    public void FollowerHoldingNothingWhileLeaderIsInAPositionDrifts() =>
        Assert.Equal(-4, Assert.Single(Reconciler.Compare(Group, ContractMap.None, Positions(("MNQZ6", 2)), X2, Positions())).Size);

    [Fact]
    public void ComparesTheMappedContract()
    {
        var map = new ContractMap([], ContractMapping.MicroPresets);

        Assert.Empty(Reconciler.Compare(Group, map, Positions(("NQZ6", 1)), X2, Positions(("MNQZ6", 20))));
        var drift = Assert.Single(Reconciler.Compare(Group, map, Positions(("NQZ6", 1)), X2, Positions(("MNQZ6", 19))));
        Assert.Equal(("MNQZ6", 20, 19), (drift.Symbol, drift.Expected, drift.Actual));
    }

    [Fact]
    public void FollowersNotMeantToMirrorAreNotCompared()
    {
        var holds = Positions(("MNQZ6", 7));

        Assert.Empty(Reconciler.Compare(Group with { AutoCopyEnabled = false }, ContractMap.None, Positions(), X2, holds));
        Assert.Empty(Reconciler.Compare(Group with { DryRun = true }, ContractMap.None, Positions(), X2, holds));
        Assert.Empty(Reconciler.Compare(Group, ContractMap.None, Positions(), X2 with { Enabled = false }, holds));
        Assert.Empty(Reconciler.Compare(Group, ContractMap.None, Positions(), X2 with { ReceivesWebhookOrders = true }, holds));
    }

    [Fact]
    public void BlockedRootsAreLeftAlone()
    {
        var blocked = X2 with { Rule = X2.Rule with { BlockedRoots = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MNQ" } } };

        Assert.Empty(Reconciler.Compare(Group, ContractMap.None, Positions(("MNQZ6", 2)), blocked, Positions(("MNQZ6", 9))));
    }
}
