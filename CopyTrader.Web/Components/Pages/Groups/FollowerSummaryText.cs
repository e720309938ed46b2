using System.Globalization;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Web.Components.Pages.Groups;

/// <summary>A follower's settings in a few words for the followers table.</summary>
public static class FollowerSummaryText
{
    public static string Sizing(FollowerRule rule)
    {
        var parts = new List<string>
        {
            rule.Mode == QuantityMode.Fixed ? $"fixed {rule.FixedQuantity}" : "×" + Number(rule.Multiplier),
            $"round {rule.Rounding.ToString().ToLowerInvariant()}",
        };
        parts.AddRange(new[]
        {
            rule.Inverse ? "inverse" : null,
            rule.MaxPosition is { } cap ? (cap == 0 ? "max 0 (stays flat)" : $"max {cap}") : null,
            rule.AtLeastOneWhileLeaderInPosition ? "at least 1" : null,
            rule.CopyStopLoss ? null : "no SL",
            rule.CopyTakeProfit ? null : "no TP",
        }.OfType<string>());
        return string.Join(" · ", parts);
    }

    public static string Overrides(FollowerRule rule) =>
        rule.SymbolMultipliers.Count == 0 ? "—" : string.Join(", ", rule.SymbolMultipliers.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} ×{Number(o.Value)}"));

    public static string Blocked(FollowerRule rule) => rule.BlockedRoots.Count == 0 ? "—" : string.Join(", ", rule.BlockedRoots.Order(StringComparer.Ordinal));

    public static string Limits(FollowerRiskLimits limits)
    {
        var parts = new[]
        {
            limits.DailyLossLimit is { } loss ? $"daily loss {Number(loss)}" : null,
            limits.MaxContractsPerOrder is { } max ? $"max {max}/order" : null,
            limits.CopyWindowStart is { } start && limits.CopyWindowEnd is { } end ? $"{start:HH:mm}–{end:HH:mm} CT" : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "none" : string.Join(" · ", parts);
    }

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
