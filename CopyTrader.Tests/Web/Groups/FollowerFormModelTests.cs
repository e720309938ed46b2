using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Components.Pages.Groups;

namespace CopyTrader.Tests.Web.Groups;

public sealed class FollowerFormModelTests
{
    [Fact]
    public void AStoredFollowerComesBackUnchangedZerosAndNullsIncluded()
    {
        var rule = FollowerRule.Default with
        {
            Mode = QuantityMode.Fixed, FixedQuantity = 2, Multiplier = 3m, MaxPosition = 0, Rounding = RoundingRule.Up, Inverse = true,
            AtLeastOneWhileLeaderInPosition = true, CopyStopLoss = false,
            SymbolMultipliers = new Dictionary<string, decimal> { ["ES"] = 0.5m }, BlockedRoots = new HashSet<string> { "CL", "GC" },
        };
        var limits = new FollowerRiskLimits { DailyLossLimit = 0m, CopyWindowStart = new TimeOnly(17, 0), CopyWindowEnd = new TimeOnly(16, 0) };

        var settings = FollowerFormModel.From(FakeCopySetupService.Follower(1, 2, "Alpha", rule, limits, enabled: false)).ToSettings();

        Assert.Equal((false, QuantityMode.Fixed, 2, 3m, (int?)0, RoundingRule.Up, true, true, false, true),
            (settings.Enabled, settings.Rule.Mode, settings.Rule.FixedQuantity, settings.Rule.Multiplier, settings.Rule.MaxPosition, settings.Rule.Rounding,
             settings.Rule.Inverse, settings.Rule.AtLeastOneWhileLeaderInPosition, settings.Rule.CopyStopLoss, settings.Rule.CopyTakeProfit));
        Assert.Equal([("ES", 0.5m)], settings.Rule.SymbolMultipliers.Select(o => (o.Key, o.Value)));
        Assert.Equal(["CL", "GC"], settings.Rule.BlockedRoots.Order());
        Assert.Equal(limits, settings.RiskLimits);
    }

    [Fact]
    public void ANewFollowerCopiesAtOneWithNoCapAndNoLimits()
    {
        var model = new FollowerFormModel { AccountId = 2 };

        Assert.Empty(model.Problems());
        Assert.Equal((true, 1m, (int?)null), (model.ToSettings().Enabled, model.ToSettings().Rule.Multiplier, model.ToSettings().Rule.MaxPosition));
        Assert.Equal(FollowerRiskLimits.None, model.ToSettings().RiskLimits);
    }
}
