using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Components.Pages.Groups;

namespace CopyTrader.Tests.Web.Groups;

/// <summary>A trader's copy groups page: the groups they lead, their own accounts, and global maps to read only.</summary>
public sealed class GroupsTraderScopeTests : GroupsComponentTest
{
    public GroupsTraderScopeTests()
    {
        // The trader owns accounts 1 (Leader) and 2 (Alpha); account 3 (Beta) is someone else's and leads "Theirs".
        ConfigStore.Replace(new CopyConfigSnapshot(
            [
                new ConnectionSnapshot(1, "Paper", BrokerKind.Simulator, "x") { OwnerUserId = SignedInUser.TraderId },
                new ConnectionSnapshot(2, "Other", BrokerKind.Simulator, "x") { OwnerUserId = "someone-else" },
            ],
            [new AccountSnapshot(1, 1, "SIM-1", "Leader"), new AccountSnapshot(2, 1, "SIM-2", "Alpha"), new AccountSnapshot(3, 2, "SIM-3", "Beta")],
            [
                new CopyGroupSnapshot(5, "Mine", 1, true, [new FollowerSnapshot(11, 2, true, FollowerRule.Default), new FollowerSnapshot(12, 3, true, FollowerRule.Default)]),
                new CopyGroupSnapshot(6, "Theirs", 3, true, []),
            ],
            []));
        Setup.Groups.Add(FakeCopySetupService.Group(5, "Mine", FakeCopySetupService.Follower(11, 2, "Alpha"), FakeCopySetupService.Follower(12, 3, "Beta")));
        Setup.Groups.Add(FakeCopySetupService.Group(6, "Theirs") with { LeaderAccountId = 3, LeaderName = "Beta" });
        Setup.GlobalMaps.Add(new ContractMapView(40, null, new ContractMapping("NQ", "MNQ", 10m)));
    }

    [Fact]
    public void ATraderSeesTheGroupsTheyLeadWithTheirFollowersOnly()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);

        var cut = Render<GroupsPage>();

        Assert.NotNull(cut.Find("[data-group-row='Mine']"));
        Assert.Empty(cut.FindAll("[data-group-row='Theirs']"));
        Assert.NotNull(cut.Find("[data-follower-row='Alpha']"));
        Assert.Empty(cut.FindAll("[data-follower-row='Beta']"));
    }

    [Fact]
    public void ATraderReadsTheGlobalMapsButCannotChangeThem()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);

        var cut = Render<GroupsPage>();

        var global = cut.Find("[data-map-scope='global']");
        Assert.NotNull(global.QuerySelector("[data-map-row='NQ']"));
        Assert.Null(global.QuerySelector("[data-remove-map]"));
        Assert.Null(global.QuerySelector("[data-preset]"));
        Assert.Contains("Only an admin changes these", global.QuerySelector("[data-maps-read-only]")!.TextContent);
    }

    [Fact]
    public void AnAdminSeesEveryGroupAndChangesTheGlobalMaps()
    {
        var cut = Render<GroupsPage>();

        Assert.NotNull(cut.Find("[data-group-row='Theirs']"));
        cut.Find("[data-open-group='Mine']").Click();
        Assert.NotNull(cut.Find("[data-follower-row='Beta']"));
        Assert.NotNull(cut.Find("[data-map-scope='global'] [data-remove-map='NQ']"));
    }
}
