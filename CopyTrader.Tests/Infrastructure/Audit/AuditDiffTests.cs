using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>The trail's "before → after" texts, one wording for every service.</summary>
public sealed class AuditDiffTests
{
    private static IReadOnlyList<AuditField> Follower(FollowerRule rule, FollowerRiskLimits? limits = null, bool enabled = true) =>
        AuditFields.Follower(enabled, rule, limits ?? FollowerRiskLimits.None);

    [Fact]
    public void NamesEachChangedFieldWithItsOldAndNewValueInFieldOrder()
    {
        var before = Follower(FollowerRule.Default);
        var after = Follower(FollowerRule.Default with { Multiplier = 2m, MaxPosition = 5 });

        Assert.Equal("Multiplier 1 → 2; Max position none → 5", AuditDiff.Changes(before, after));
    }

    [Fact]
    public void SaysNoChangeWhenNothingDiffers()
    {
        var fields = Follower(FollowerRule.Default with { Multiplier = 1.5m });

        Assert.Equal("No change", AuditDiff.Changes(fields, Follower(FollowerRule.Default with { Multiplier = 1.50m })));
        Assert.False(AuditDiff.Differ(fields, fields));
    }

    [Fact]
    public void WritesSwitchesAsOnAndOffAndNumbersAsTyped()
    {
        var before = Follower(FollowerRule.Default, enabled: true);
        var after = Follower(FollowerRule.Default with { Multiplier = 0.25m, Inverse = true, CopyStopLoss = false }, enabled: false);

        Assert.Equal("Enabled on → off; Multiplier 1 → 0.25; Inverse off → on; Copy stop-loss on → off", AuditDiff.Changes(before, after));
    }

    [Fact]
    public void ListsSymbolMultipliersAndBlockedRootsSortedAndUpperCase()
    {
        var rule = FollowerRule.Default with
        {
            SymbolMultipliers = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["nq"] = 2m, ["ES"] = 0.5m },
            BlockedRoots = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "gc", "CL" },
        };

        Assert.Equal(
            "Symbol multipliers none → ES ×0.5, NQ ×2; Blocked roots none → CL, GC",
            AuditDiff.Changes(Follower(FollowerRule.Default), Follower(rule)));
    }

    [Fact]
    public void DescribesRiskLimitsAndTheCopyWindow()
    {
        var limits = new FollowerRiskLimits { DailyLossLimit = 1500m, MaxContractsPerOrder = 3, CopyWindowStart = new TimeOnly(17, 0), CopyWindowEnd = new TimeOnly(16, 0) };

        Assert.Equal(
            "Daily loss limit none → 1500; Max contracts per order none → 3; Copy window any time → 17:00–16:00 CT",
            AuditDiff.Changes(AuditFields.RiskLimits(FollowerRiskLimits.None), AuditFields.RiskLimits(limits)));
    }

    [Fact]
    public void ListsEveryFieldOfSomethingNew()
    {
        var listing = AuditDiff.Listing(AuditFields.Group("NQ main", "Apex 1001", new GroupOptions(true, DryRun: true)));

        Assert.Equal("Name 'NQ main'; Leader 'Apex 1001'; Auto-copy on; Dry run on; Auto-sync off; Mirror working orders off", listing);
    }

    [Fact]
    public void GroupChangesQuoteNames()
    {
        var before = AuditFields.Group("NQ main", "Apex 1001", new GroupOptions(true));
        var after = AuditFields.Group("NQ swing", "Apex 1001", new GroupOptions(false));

        Assert.Equal("Name 'NQ main' → 'NQ swing'; Auto-copy on → off", AuditDiff.Changes(before, after));
    }

    [Fact]
    public void FieldsOnlyOnOneSideAreShownAddedOrRemoved()
    {
        var changes = AuditDiff.Changes([new("Old", "1"), new("Same", "x")], [new("Same", "x"), new("New", "2")]);

        Assert.Equal("New 2; Old 1 → removed", changes);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(2.50, "2.5")]
    [InlineData(0.125, "0.125")]
    public void NumbersHaveNoTrailingZerosWhateverTheCulture(decimal value, string expected)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal(expected, AuditDiff.Number(value));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
