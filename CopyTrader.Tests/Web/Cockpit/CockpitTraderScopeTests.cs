using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Web.Components.Pages.Cockpit;

namespace CopyTrader.Tests.Web.Cockpit;

/// <summary>A trader's cockpit: their groups, accounts and copies only, and "flatten everything" means theirs.</summary>
public sealed class CockpitTraderScopeTests : CockpitComponentTest
{
    /// <summary>The trader owns connection 1 (group 5: 10 → 11); another trader owns connection 2 (group 6: 20 → 21).</summary>
    private static readonly CopyConfigSnapshot TwoTraders = new(
        [
            new ConnectionSnapshot(1, "Mine", BrokerKind.Simulator, "x") { OwnerUserId = SignedInUser.TraderId },
            new ConnectionSnapshot(2, "Theirs", BrokerKind.Simulator, "x") { OwnerUserId = "someone-else" },
        ],
        [
            new AccountSnapshot(10, 1, "MY-LEAD", "My leader"), new AccountSnapshot(11, 1, "MY-F1", "My follower"),
            new AccountSnapshot(20, 2, "THEIR-LEAD", "Their leader"), new AccountSnapshot(21, 2, "THEIR-F1", "Their follower"),
        ],
        [
            new CopyGroupSnapshot(5, "My group", 10, true, [new FollowerSnapshot(31, 11, true, FollowerRule.Default)]),
            new CopyGroupSnapshot(6, "Their group", 20, true, [new FollowerSnapshot(32, 21, true, FollowerRule.Default)]),
        ],
        []);

    public CockpitTraderScopeTests()
        : base(TwoTraders)
    {
    }

    [Fact]
    public void ATraderSeesOnlyTheirGroupAndAccounts()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);

        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.Contains("My group", page.Markup));
        Assert.DoesNotContain("Their group", page.Markup);
        Assert.DoesNotContain("Their leader", page.Markup);
        Assert.DoesNotContain("Their follower", page.Markup);
        Assert.Equal(["everything", "group-5", "account-10", "account-11"], page.FindAll("[data-flatten]").Select(b => b.GetAttribute("data-flatten")));
    }

    [Fact]
    public void AnAdminSeesEveryonesGroups()
    {
        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.Contains("Their group", page.Markup));
        Assert.Contains("My group", page.Markup);
    }

    [Fact]
    public void LiveCopiesToAnotherUsersAccountsAreNotShown()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#cockpit").GetAttribute("data-interactive")));

        Engine.Complete(CopyIn(group: 6, leader: 20, followerAccount: 21, "THEIR-ORDER"));
        Engine.Complete(CopyIn(group: 5, leader: 10, followerAccount: 11, "MY-ORDER"));

        page.WaitForAssertion(() => Assert.Contains("MY-ORDER", page.Markup));
        Assert.DoesNotContain("THEIR-ORDER", page.Markup);
    }

    private static CopyLogEntry CopyIn(int group, int leader, int followerAccount, string brokerOrderId) =>
        new(DateTimeOffset.Parse("2026-11-23T15:00:00Z"), group, leader, followerAccount + 100, followerAccount, $"F-{brokerOrderId}", "MNQZ6", "MNQZ6",
            Side.Buy, 1, 1, CopyOutcome.Accepted, 5, "CT-1", brokerOrderId, null);

    [Fact]
    public void FlattenEverythingFlattensOnlyTheTradersGroups()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);
        var dialogs = RenderProviders();
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#cockpit").GetAttribute("data-interactive")));

        page.Find("[data-flatten='everything']").Click();
        Assert.Contains("your 1 copy group(s)", dialogs.Find("[data-flatten-consequence]").TextContent);
        dialogs.Find("[data-flatten-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["group 5"], Flatten.Calls));
    }
}
