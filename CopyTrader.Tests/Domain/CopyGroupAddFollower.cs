using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;

namespace CopyTrader.Tests.Domain;

public class CopyGroupAddFollower
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RefusesNonPositiveMultiplier(double multiplier)
    {
        var group = new CopyGroup("G", leaderAccountId: 1, autoCopyEnabled: true);

        var error = Assert.Throws<CopyTraderDomainException>(() => group.AddFollower(2, (decimal)multiplier));
        Assert.Contains("greater than zero", error.Message);
    }

    [Fact]
    public void RefusesTheLeaderAsItsOwnFollower()
    {
        var group = new CopyGroup("G", leaderAccountId: 1, autoCopyEnabled: true);

        Assert.Throws<CopyTraderDomainException>(() => group.AddFollower(1, 1m));
    }

    [Fact]
    public void RefusesTheSameAccountTwice()
    {
        var group = new CopyGroup("G", leaderAccountId: 1, autoCopyEnabled: true);
        group.AddFollower(2, 1m);

        Assert.Throws<CopyTraderDomainException>(() => group.AddFollower(2, 2m));
    }
}
