using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class FollowerRuleProblems
{
    [Fact]
    public void DefaultRuleIsValid() => Assert.Empty(FollowerRule.Default.Problems());

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    public void ZeroOrNegativeMultiplierIsAProblemNotUnset(double multiplier) =>
        Assert.Contains("multiplier must be greater than zero", Assert.Single((FollowerRule.Default with { Multiplier = (decimal)multiplier }).Problems()));

    [Fact]
    public void FixedModeNeedsAtLeastOneContract() =>
        Assert.Contains("fixed quantity must be at least 1", Assert.Single((FollowerRule.Default with { Mode = QuantityMode.Fixed, FixedQuantity = 0 }).Problems()));

    [Fact]
    public void NegativeCapIsRefusedButZeroCapIsAllowed()
    {
        Assert.Single((FollowerRule.Default with { MaxPosition = -1 }).Problems());
        Assert.Empty((FollowerRule.Default with { MaxPosition = 0 }).Problems());
    }

    [Fact]
    public void SymbolOverrideOfZeroIsRefused() =>
        Assert.Contains("for NQ", Assert.Single((FollowerRule.Default with { SymbolMultipliers = new Dictionary<string, decimal> { ["NQ"] = 0m } }).Problems()));

    [Fact]
    public void FollowerRefusesAnInvalidRuleWhole()
    {
        var follower = new CopyGroup("G", 1, true).AddFollower(2, FollowerRule.Default with { Multiplier = 3m, MaxPosition = 4 });

        var error = Assert.Throws<CopyTraderDomainException>(() => follower.Apply(FollowerRule.Default with { Multiplier = 0m, MaxPosition = -2 }));

        Assert.Contains("multiplier", error.Message);
        Assert.Contains("maximum position", error.Message);
        Assert.Equal((3m, 4), (follower.Multiplier, follower.MaxPosition)); // unchanged
    }

    [Fact]
    public void FollowerKeepsEveryPartOfTheRule()
    {
        var rule = new FollowerRule
        {
            Mode = QuantityMode.Fixed,
            Multiplier = 1.5m,
            FixedQuantity = 3,
            SymbolMultipliers = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["NQ"] = 0.5m },
            Inverse = true,
            MaxPosition = 0,
            Rounding = RoundingRule.Up,
            AtLeastOneWhileLeaderInPosition = true,
            BlockedRoots = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "CL" },
            CopyStopLoss = false,
            CopyTakeProfit = false,
        };

        var stored = new CopyGroup("G", 1, true).AddFollower(2, rule).Rule;

        Assert.Equal((rule.Mode, rule.Multiplier, rule.FixedQuantity, rule.Inverse, rule.MaxPosition, rule.Rounding, rule.AtLeastOneWhileLeaderInPosition, rule.CopyStopLoss, rule.CopyTakeProfit),
            (stored.Mode, stored.Multiplier, stored.FixedQuantity, stored.Inverse, stored.MaxPosition, stored.Rounding, stored.AtLeastOneWhileLeaderInPosition, stored.CopyStopLoss, stored.CopyTakeProfit));
        Assert.Equal(0.5m, stored.SymbolMultipliers["NQ"]);
        Assert.Contains("CL", stored.BlockedRoots);
    }
}
