using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class CopyGroupChangeLeader
{
    [Fact]
    public void KeepsTheFollowersWithTheNewLeader()
    {
        var group = new CopyGroup("G", leaderAccountId: 1, autoCopyEnabled: true);
        group.AddFollower(2, 2m);

        group.ChangeLeader(3);

        Assert.Equal(3, group.LeaderAccountId);
        Assert.Equal([(2, 2m)], group.Followers.Select(f => (f.AccountId, f.Multiplier)));
    }

    [Fact]
    public void RefusesOneOfItsOwnFollowers()
    {
        var group = new CopyGroup("G", leaderAccountId: 1, autoCopyEnabled: true);
        group.AddFollower(2, FollowerRule.Default);

        Assert.Throws<CopyTraderDomainException>(() => group.ChangeLeader(2));
        Assert.Equal(1, group.LeaderAccountId);
    }

    [Fact]
    public void RemovingAFollowerThatIsNotInTheGroupIsRefused() =>
        Assert.Throws<CopyTraderDomainException>(() => new CopyGroup("G", 1, true).RemoveFollower(42));
}
