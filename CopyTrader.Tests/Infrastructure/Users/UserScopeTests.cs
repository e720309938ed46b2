using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Infrastructure.Users;
using static CopyTrader.Tests.Domain.Copying.OwnedConfig;

namespace CopyTrader.Tests.Infrastructure.Users;

public class UserScopeTests
{
    private static readonly UserScope AdminScope = UserScope.For(new Viewer("user-admin", IsAdmin: true), Config);
    private static readonly UserScope AliceScope = UserScope.For(new Viewer(Alice, IsAdmin: false), Config);
    private static readonly UserScope BobScope = UserScope.For(new Viewer(Bob, IsAdmin: false), Config);

    private static readonly CopyLogFilter Filter = new()
    {
        FromUtc = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), CopyGroupId = 1, Outcome = CopyOutcome.Rejected, Symbol = "mnq",
    };

    [Fact]
    public void AnAdminSeesTheWholeConfiguration()
    {
        Assert.Same(Config, AdminScope.Config);
        Assert.True(AdminScope.IsAdmin);
        Assert.True(AdminScope.MayChangeGlobalContractMaps);
        Assert.All(Config.Accounts, a => Assert.True(AdminScope.SeesAccount(a.Id)));
        Assert.All(Config.Connections, c => Assert.True(AdminScope.SeesConnection(c.Id)));
        Assert.Equal([101, 102], AdminScope.Group(AlicesGroup.Id)!.Followers.Select(f => f.Id));
    }

    [Fact]
    public void AnAdminsRestrictLeavesTheFilterUnchanged()
    {
        Assert.Same(Filter, AdminScope.Restrict(Filter));
        Assert.Null(AdminScope.Restrict(CopyLogFilter.All).VisibleAccountIds);
    }

    [Fact]
    public void ATradersRestrictCarriesExactlyTheirAccountsAndKeepsTheRestOfTheFilter()
    {
        var restricted = AliceScope.Restrict(Filter);

        Assert.Equal([10, 11], restricted.VisibleAccountIds!.Order());
        Assert.Equal(Filter with { VisibleAccountIds = restricted.VisibleAccountIds }, restricted);
        Assert.Equal([20, 21], BobScope.Restrict(CopyLogFilter.All).VisibleAccountIds!.Order());
    }

    [Fact]
    public void ARequestCannotWidenATradersRestriction()
    {
        var widened = AliceScope.Restrict(Filter with { VisibleAccountIds = [10, 11, 20, 21, 30] });

        Assert.Equal([10, 11], widened.VisibleAccountIds!.Order());
    }

    [Fact]
    public void ATraderWithoutAccountsIsRestrictedToNothingNotToEverything()
    {
        var scope = UserScope.For(new Viewer("user-new", IsAdmin: false), Config);

        var restricted = scope.Restrict(CopyLogFilter.All);

        Assert.NotNull(restricted.VisibleAccountIds);
        Assert.Empty(restricted.VisibleAccountIds);
    }

    [Fact]
    public void ATraderSeesACopyFromTheirLeaderToAnotherUsersFollower()
    {
        var leaderSide = Entry(leaderAccount: 10, followerAccount: 20);

        Assert.True(AliceScope.Sees(leaderSide));
        Assert.True(BobScope.Sees(leaderSide));
    }

    [Fact]
    public void ATraderSeesACopyToTheirFollowerFromAnotherUsersLeader()
    {
        var followerSide = Entry(leaderAccount: 30, followerAccount: 11);

        Assert.True(AliceScope.Sees(followerSide));
        Assert.False(BobScope.Sees(followerSide));
    }

    [Fact]
    public void ATraderDoesNotSeeCopiesBetweenOtherAccounts()
    {
        Assert.False(AliceScope.Sees(Entry(leaderAccount: 30, followerAccount: 21)));
        Assert.False(AliceScope.Sees(Entry(leaderAccount: 20, followerAccount: 21)));
        Assert.True(AdminScope.Sees(Entry(leaderAccount: 30, followerAccount: 21)));
        Assert.True(AdminScope.Sees(Entry(leaderAccount: 998, followerAccount: 999))); // accounts deleted since
    }

    [Fact]
    public void GroupLookupsFindOnlyTheTradersGroupsWithTheirFollowers()
    {
        Assert.True(AliceScope.SeesGroup(AlicesGroup.Id));
        Assert.False(AliceScope.SeesGroup(BobsGroup.Id));
        Assert.False(AliceScope.SeesGroup(AdminsMixedGroup.Id));
        Assert.Null(AliceScope.Group(BobsGroup.Id));
        Assert.Equal([101], AliceScope.Group(AlicesGroup.Id)!.Followers.Select(f => f.Id));
        Assert.Equal([1, 4], AliceScope.Groups.Select(g => g.Id));
    }

    [Fact]
    public void AccountAndConnectionLookupsFindOnlyTheTradersOwn()
    {
        Assert.True(AliceScope.SeesAccount(11));
        Assert.False(AliceScope.SeesAccount(20));
        Assert.False(AliceScope.SeesAccount(30));
        Assert.Equal("Alice 10", AliceScope.Account(10)?.DisplayName);
        Assert.Null(AliceScope.Account(21));
        Assert.Equal([10, 11], AliceScope.Accounts.Select(a => a.Id));
        Assert.True(AliceScope.SeesConnection(1));
        Assert.False(AliceScope.SeesConnection(2));
        Assert.False(AliceScope.SeesConnection(3));
        Assert.False(AliceScope.MayChangeGlobalContractMaps);
    }

    [Fact]
    public void AnAccountOutsideTheScopeIsNamedByItsIdOnly()
    {
        Assert.Equal("Alice 11", AliceScope.AccountName(11));
        Assert.Equal("#20", AliceScope.AccountName(20));
        Assert.Equal("Bob 20", AdminScope.AccountName(20));
    }

    [Fact]
    public void FollowerLookupFindsTheTradersFollowerWithItsTrimmedGroup()
    {
        var own = AliceScope.Follower(101);

        Assert.NotNull(own);
        Assert.Equal((AlicesGroup.Id, 11), (own.Group.Id, own.Follower.AccountId));
        Assert.Equal([101], own.Group.Followers.Select(f => f.Id));
    }

    [Fact]
    public void FollowerLookupHidesFollowersOnOtherUsersAccountsAndInOtherUsersGroups()
    {
        Assert.Null(AliceScope.Follower(102)); // Bob's account in Alice's group
        Assert.Null(AliceScope.Follower(301)); // Alice's account in the admin's group
        Assert.Null(AliceScope.Follower(201));
        Assert.Null(BobScope.Follower(102)); // his account, but in Alice's group
        Assert.Equal(AdminsMixedGroup.Id, AdminScope.Follower(302)?.Group.Id);
    }

    private static CopyLogEntry Entry(int leaderAccount, int followerAccount) =>
        new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), 1, leaderAccount, 500, followerAccount, "SIM-F1", "NQZ6", "MNQZ6",
            Side.Buy, 1, 1, CopyOutcome.Accepted, 12.5, "CT-1", "SIM-O1", null);
}
