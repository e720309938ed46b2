using System.Globalization;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Web.Components.Pages.Cockpit;

/// <summary>A follower's sizing rule in a few words: "×2", "fixed 1 · inverse · max 3".</summary>
public static class FollowerRuleText
{
    public static string Describe(FollowerRule rule)
    {
        var parts = new List<string>
        {
            rule.Mode == QuantityMode.Fixed
                ? $"fixed {rule.FixedQuantity}"
                : "×" + rule.Multiplier.ToString("0.####", CultureInfo.InvariantCulture),
        };
        if (rule.Inverse)
        {
            parts.Add("inverse");
        }

        if (rule.MaxPosition is { } cap)
        {
            parts.Add($"max {cap}");
        }

        return string.Join(" · ", parts);
    }
}
