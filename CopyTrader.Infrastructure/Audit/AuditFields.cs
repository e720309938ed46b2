using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>The settings of followers and groups as labelled fields, for <see cref="AuditDiff"/>.</summary>
public static class AuditFields
{
    public static IReadOnlyList<AuditField> Follower(bool enabled, FollowerRule rule, FollowerRiskLimits limits) =>
        [new("Enabled", AuditDiff.OnOff(enabled)), .. Rule(rule), .. RiskLimits(limits)];

    public static IReadOnlyList<AuditField> Rule(FollowerRule rule) =>
    [
        new("Mode", rule.Mode.ToString()),
        new("Multiplier", AuditDiff.Number(rule.Multiplier)),
        new("Fixed quantity", AuditDiff.Number(rule.FixedQuantity)),
        new("Symbol multipliers", AuditDiff.List(rule.SymbolMultipliers.Select(o => $"{o.Key.ToUpperInvariant()} ×{AuditDiff.Number(o.Value)}"))),
        new("Inverse", AuditDiff.OnOff(rule.Inverse)),
        new("Max position", AuditDiff.Number(rule.MaxPosition)),
        new("Rounding", rule.Rounding.ToString()),
        new("At least one while the leader holds", AuditDiff.OnOff(rule.AtLeastOneWhileLeaderInPosition)),
        new("Copy stop-loss", AuditDiff.OnOff(rule.CopyStopLoss)),
        new("Copy take-profit", AuditDiff.OnOff(rule.CopyTakeProfit)),
        new("Blocked roots", AuditDiff.List(rule.BlockedRoots.Select(r => r.ToUpperInvariant()))),
    ];

    public static IReadOnlyList<AuditField> RiskLimits(FollowerRiskLimits limits) =>
    [
        new("Daily loss limit", AuditDiff.Number(limits.DailyLossLimit)),
        new("Max contracts per order", AuditDiff.Number(limits.MaxContractsPerOrder)),
        new("Copy window", limits.CopyWindowStart is null && limits.CopyWindowEnd is null
            ? "any time"
            : $"{AuditDiff.Time(limits.CopyWindowStart)}–{AuditDiff.Time(limits.CopyWindowEnd)} CT"),
    ];

    public static IReadOnlyList<AuditField> Group(string name, string leaderName, GroupOptions options) =>
        [new("Name", AuditDiff.Quoted(name)), new("Leader", AuditDiff.Quoted(leaderName)), .. Options(options)];

    public static IReadOnlyList<AuditField> Options(GroupOptions options) =>
    [
        new("Auto-copy", AuditDiff.OnOff(options.AutoCopyEnabled)),
        new("Dry run", AuditDiff.OnOff(options.DryRun)),
        new("Auto-sync", AuditDiff.OnOff(options.AutoSync)),
        new("Mirror working orders", AuditDiff.OnOff(options.MirrorWorkingOrders)),
    ];

    public static GroupOptions OptionsOf(CopyGroup group) => new(group.AutoCopyEnabled, group.DryRun, group.AutoSync, group.MirrorWorkingOrders);
}
