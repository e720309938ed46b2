using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Web.Components.Pages.Cockpit;
using CopyTrader.Web.Components.Pages.Cockpit.Parts;

namespace CopyTrader.Tests.Web.Cockpit;

/// <summary>A trader's group flatten runs with their scope, so a follower on another user's account is left alone.</summary>
public sealed class FlattenDialogScopeTests() : CockpitComponentTest(MixedConfig)
{
    private const string Trader = "trader-1";

    /// <summary>The trader owns the leader (10) and follower 11; follower 12 is on another user's connection.</summary>
    private static readonly CopyConfigSnapshot MixedConfig = new(
        [
            new ConnectionSnapshot(1, "Trader's", BrokerKind.Simulator, "x") { OwnerUserId = Trader },
            new ConnectionSnapshot(2, "Someone else's", BrokerKind.Simulator, "y") { OwnerUserId = "trader-2" },
        ],
        [new AccountSnapshot(10, 1, "SIM-1", "Trader leader"), new AccountSnapshot(11, 1, "SIM-2", "Trader follower"), new AccountSnapshot(12, 2, "SIM-3", "Other follower")],
        [new CopyGroupSnapshot(5, "Trader group", 10, true, [new FollowerSnapshot(21, 11, true, FollowerRule.Default), new FollowerSnapshot(22, 12, true, FollowerRule.Default)])],
        []);

    [Theory]
    [InlineData("group-5")]
    [InlineData("everything")]
    public void ATradersGroupFlattenRunsWithTheirScope(string button)
    {
        Authorization.As(Trader, admin: false);
        var dialogs = RenderProviders();
        var target = button == "everything" ? FlattenTarget.AllGroupsOf([5]) : FlattenTarget.Group(5, "Trader group");
        Render<FlattenButton>(p => p.Add(b => b.Target, target)).Find($"[data-flatten='{button}']").Click();

        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["group 5"], Flatten.Calls));
        Assert.Equal(new Viewer(Trader, IsAdmin: false), Flatten.LastScope?.Viewer);
        Assert.Equal([11], Flatten.LastScope!.Group(5)!.Followers.Select(f => f.AccountId));
    }

    [Fact]
    public void AnAdminsGroupFlattenCoversEveryFollower()
    {
        var dialogs = RenderProviders();
        Render<FlattenButton>(p => p.Add(b => b.Target, FlattenTarget.Group(5, "Trader group"))).Find("[data-flatten='group-5']").Click();

        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["group 5"], Flatten.Calls));
        Assert.Equal([11, 12], Flatten.LastScope!.Group(5)!.Followers.Select(f => f.AccountId));
    }
}
