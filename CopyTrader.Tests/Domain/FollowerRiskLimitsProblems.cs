using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class FollowerRiskLimitsProblems
{
    [Fact]
    public void NoLimitsAndZeroLimitsAreBothValid()
    {
        Assert.Empty(FollowerRiskLimits.None.Problems());
        Assert.Empty(new FollowerRiskLimits { DailyLossLimit = 0m, MaxContractsPerOrder = 0 }.Problems());
    }

    [Fact]
    public void NegativeLimitsAreRefusedWithWhatToEnterInstead() => Assert.Equal(
        [
            "The daily loss limit cannot be negative (got -250.5); enter the loss as a positive amount, or leave it empty for no limit.",
            "The maximum contracts per order cannot be negative (got -1); leave it empty for no limit.",
        ],
        new FollowerRiskLimits { DailyLossLimit = -250.5m, MaxContractsPerOrder = -1 }.Problems());

    [Fact]
    public void ACopyWindowNeedsBothEndsAndCanRunOverMidnight()
    {
        Assert.Equal(["The copy window needs both a start and an end, or neither (copy at any time)."], new FollowerRiskLimits { CopyWindowEnd = new TimeOnly(16, 0) }.Problems());
        Assert.Equal(["The copy window starts and ends at 09:30; it would never be open. Leave both empty to copy at any time."],
            new FollowerRiskLimits { CopyWindowStart = new TimeOnly(9, 30), CopyWindowEnd = new TimeOnly(9, 30) }.Problems());
        Assert.Empty(new FollowerRiskLimits { CopyWindowStart = new TimeOnly(17, 0), CopyWindowEnd = new TimeOnly(16, 0) }.Problems());
    }

    [Fact]
    public void AFollowerRefusesInvalidLimitsWholeAndKeepsItsOwn()
    {
        var follower = new CopyGroup("G", 1, true).AddFollower(2, FollowerRule.Default);
        follower.SetRiskLimits(new FollowerRiskLimits { MaxContractsPerOrder = 3 });

        Assert.Throws<CopyTraderDomainException>(() => follower.SetRiskLimits(new FollowerRiskLimits { DailyLossLimit = 100m, MaxContractsPerOrder = -2 }));

        Assert.Equal(new FollowerRiskLimits { MaxContractsPerOrder = 3 }, follower.RiskLimits);
    }
}
