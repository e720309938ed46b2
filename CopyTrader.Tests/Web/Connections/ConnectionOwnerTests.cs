using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Web.Components.Pages.Connections;
using MudBlazor;
using MudBlazor.Extensions;

namespace CopyTrader.Tests.Web.Connections;

/// <summary>Who sees which connection, and an admin giving a connection to a user.</summary>
public sealed class ConnectionOwnerTests : ConnectionsComponentTest
{
    public ConnectionOwnerTests()
    {
        ConfigStore.Replace(new CopyConfigSnapshot(
            [
                new ConnectionSnapshot(1, "Mine", BrokerKind.Simulator, "x") { OwnerUserId = SignedInUser.TraderId },
                new ConnectionSnapshot(2, "Admins'", BrokerKind.Simulator, "x"),
            ],
            [new AccountSnapshot(10, 1, "MY-1", "My account"), new AccountSnapshot(20, 2, "ADM-1", "Admin account")],
            [new CopyGroupSnapshot(6, "Admin group", 20, true, [new FollowerSnapshot(31, 10, true, FollowerRule.Default)])],
            []));
        Service.Connections.Add(new ConnectionSummary(1, "Mine", BrokerKind.Simulator, null, null,
            [new AccountSummary(10, "MY-1", "My account", [new AccountGroupRole(AccountRole.Follower, 6, "Admin group")])]) { OwnerUserId = SignedInUser.TraderId });
        Service.Connections.Add(new ConnectionSummary(2, "Admins'", BrokerKind.Simulator, null, null, [new AccountSummary(20, "ADM-1", "Admin account", [])]));
        Users.Users.Add(new UserSummary(SignedInUser.AdminId, "admin@example.com", UserRoles.Admin, false, false, 0));
        Users.Users.Add(new UserSummary(SignedInUser.TraderId, "trader@example.com", UserRoles.Trader, false, false, 1));
    }

    [Fact]
    public void ATraderSeesOnlyTheConnectionsTheyOwnWithoutOwnerChoice()
    {
        Authorization.As(SignedInUser.TraderId, admin: false);

        var cut = Render<ConnectionsPage>();

        Assert.NotNull(cut.Find("[data-connection='Mine']"));
        Assert.Empty(cut.FindAll("[data-connection=\"Admins'\"]"));
        Assert.Empty(cut.FindAll("[data-owner]"));
        Assert.DoesNotContain("Admin group", cut.Find("[data-connection='Mine']").TextContent); // a group they do not see is not named
    }

    [Fact]
    public void AnAdminSeesEveryConnectionWithItsOwner()
    {
        var cut = Render<ConnectionsPage>();

        Assert.Equal(2, cut.FindAll("[data-owner]").Count);
        var selects = cut.FindComponents<MudSelect<string>>();
        Assert.Equal([SignedInUser.TraderId, ""], selects.Select(s => s.Instance.GetState(x => x.Value)));
    }

    [Fact]
    public async Task AnAdminGivesAConnectionToAUser()
    {
        var cut = Render<ConnectionsPage>();
        var admins = cut.FindComponents<MudSelect<string>>()[1];

        await cut.InvokeAsync(() => admins.Instance.ValueChanged.InvokeAsync(SignedInUser.TraderId));

        Assert.Equal(["owner 2 " + SignedInUser.TraderId], Users.Calls);
    }

    [Fact]
    public async Task ARefusedOwnerChangeIsShown()
    {
        Users.Refusal = "User x does not exist.";
        var cut = Render<ConnectionsPage>();

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.ValueChanged.InvokeAsync(""));

        Assert.Equal(["owner 1 admins"], Users.Calls);
        cut.WaitForAssertion(() => Assert.Contains("User x does not exist.", cut.Find("[data-page-error]").TextContent));
    }
}
