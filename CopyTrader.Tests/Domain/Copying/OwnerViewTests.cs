using CopyTrader.Domain.Copying;
using static CopyTrader.Tests.Domain.Copying.OwnedConfig;

namespace CopyTrader.Tests.Domain.Copying;

public class OwnerViewTests
{
    [Fact]
    public void KeepsOnlyTheConnectionsTheUserOwns()
    {
        Assert.Equal([1], OwnerView.Of(Config, Alice).Connections.Select(c => c.Id));
        Assert.Equal([2], OwnerView.Of(Config, Bob).Connections.Select(c => c.Id));
    }

    [Fact]
    public void AnUnownedConnectionIsNobodysAndItsAccountsAndGroupsStayHidden()
    {
        foreach (var user in new[] { Alice, Bob, "user-carol", "" })
        {
            var view = OwnerView.Of(Config, user);

            Assert.DoesNotContain(view.Connections, c => c.Id == 3);
            Assert.DoesNotContain(view.Accounts, a => a.Id == 30);
            Assert.DoesNotContain(view.Groups, g => g.Id == AdminsMixedGroup.Id);
        }
    }

    [Fact]
    public void KeepsTheAccountsOfTheOwnedConnections()
    {
        Assert.Equal([10, 11], OwnerView.Of(Config, Alice).Accounts.Select(a => a.Id));
        Assert.Equal([20, 21], OwnerView.Of(Config, Bob).Accounts.Select(a => a.Id));
    }

    [Fact]
    public void KeepsTheGroupsLedByTheUsersAccounts()
    {
        Assert.Equal([1, 4], OwnerView.Of(Config, Alice).Groups.Select(g => g.Id));
        Assert.Equal([2], OwnerView.Of(Config, Bob).Groups.Select(g => g.Id));
    }

    [Fact]
    public void AFollowerOnAnotherUsersAccountIsHiddenAndTheRestOfTheGroupKept()
    {
        var group = OwnerView.Of(Config, Alice).Groups.Single(g => g.Id == AlicesGroup.Id);

        Assert.Equal([101], group.Followers.Select(f => f.Id));
        Assert.Same(AlicesGroup.Followers[0], group.Followers[0]);
        Assert.Equal([AlicesGc], group.ContractMappings);
        Assert.Equal((true, true, 10, "Alice main"), (group.DryRun, group.AutoCopyEnabled, group.LeaderAccountId, group.Name));
    }

    [Fact]
    public void FollowingInAnotherUsersGroupDoesNotShowThatGroup()
    {
        // Bob's 20 follows in Alice's group, and both traders' accounts follow in the admin's group.
        Assert.DoesNotContain(OwnerView.Of(Config, Bob).Groups, g => g.Id == AlicesGroup.Id);
        Assert.DoesNotContain(OwnerView.Of(Config, Alice).Groups, g => g.Id == AdminsMixedGroup.Id);
    }

    [Fact]
    public void AGroupWhollyOnTheUsersAccountsIsKeptAsItIs()
    {
        Assert.Same(AlicesSecondGroup, OwnerView.Of(Config, Alice).Groups.Single(g => g.Id == AlicesSecondGroup.Id));
        Assert.Same(BobsGroup, OwnerView.Of(Config, Bob).Groups.Single());
    }

    [Fact]
    public void EveryUserKeepsTheGlobalContractMaps()
    {
        Assert.Equal([GlobalNq], OwnerView.Of(Config, Alice).GlobalContractMappings);
        Assert.Equal([GlobalNq], OwnerView.Of(Config, "user-without-connections").GlobalContractMappings);
    }

    [Fact]
    public void AUserWithoutConnectionsSeesNoConnectionsAccountsOrGroups()
    {
        var view = OwnerView.Of(Config, "user-without-connections");

        Assert.Equal((0, 0, 0), (view.Connections.Count, view.Accounts.Count, view.Groups.Count));
    }

    [Fact]
    public void TheAccountLookupOfTheViewFindsOnlyVisibleAccounts()
    {
        var view = OwnerView.Of(Config, Alice);

        Assert.Equal("Alice 11", view.Account(11)?.DisplayName);
        Assert.Null(view.Account(20));
        Assert.Null(view.Account(30));
    }

    [Fact]
    public void TheConfigurationItselfIsNotChanged()
    {
        OwnerView.Of(Config, Alice);

        Assert.Equal([101, 102], Config.Groups[0].Followers.Select(f => f.Id));
        Assert.Equal(3, Config.Connections.Count);
    }
}
