using CopyTrader.Domain.Copying;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// Everything that sizes a follower's copies. Replacing a rule takes every field, so a script that leaves one out
/// is told so rather than resetting it: send <c>"maxPosition": null</c> for no cap, <c>{}</c> and <c>[]</c> for no
/// symbol multipliers and no blocked roots.
/// </summary>
public sealed record FollowerRuleDto
{
    public required QuantityMode Mode { get; init; }

    /// <summary>Base multiplier in Multiplier mode; greater than zero.</summary>
    public required decimal Multiplier { get; init; }

    /// <summary>Contracts held in Fixed mode; at least 1.</summary>
    public required int FixedQuantity { get; init; }

    /// <summary>Multiplier by the leader's root (NQ, ES, ...), winning over the base multiplier.</summary>
    public required IReadOnlyDictionary<string, decimal> SymbolMultipliers { get; init; }

    /// <summary>Fade copy: the follower takes the opposite side.</summary>
    public required bool Inverse { get; init; }

    /// <summary>Largest absolute position in contracts; null for no cap, 0 keeps the follower flat.</summary>
    public required int? MaxPosition { get; init; }

    public required RoundingRule Rounding { get; init; }

    public required bool AtLeastOneWhileLeaderInPosition { get; init; }

    /// <summary>Leader roots this follower never copies.</summary>
    public required IReadOnlyList<string> BlockedRoots { get; init; }

    public required bool CopyStopLoss { get; init; }

    public required bool CopyTakeProfit { get; init; }

    public static FollowerRuleDto Of(FollowerRule r) => new()
    {
        Mode = r.Mode,
        Multiplier = r.Multiplier,
        FixedQuantity = r.FixedQuantity,
        SymbolMultipliers = r.SymbolMultipliers.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value),
        Inverse = r.Inverse,
        MaxPosition = r.MaxPosition,
        Rounding = r.Rounding,
        AtLeastOneWhileLeaderInPosition = r.AtLeastOneWhileLeaderInPosition,
        BlockedRoots = r.BlockedRoots.Order(StringComparer.Ordinal).ToList(),
        CopyStopLoss = r.CopyStopLoss,
        CopyTakeProfit = r.CopyTakeProfit,
    };

    public FollowerRule ToRule() => new()
    {
        Mode = Mode,
        Multiplier = Multiplier,
        FixedQuantity = FixedQuantity,
        SymbolMultipliers = SymbolMultipliers.ToDictionary(s => s.Key.Trim().ToUpperInvariant(), s => s.Value, StringComparer.OrdinalIgnoreCase),
        Inverse = Inverse,
        MaxPosition = MaxPosition,
        Rounding = Rounding,
        AtLeastOneWhileLeaderInPosition = AtLeastOneWhileLeaderInPosition,
        BlockedRoots = new HashSet<string>(BlockedRoots.Select(r => r.Trim().ToUpperInvariant()), StringComparer.OrdinalIgnoreCase),
        CopyStopLoss = CopyStopLoss,
        CopyTakeProfit = CopyTakeProfit,
    };

    /// <summary>Field messages in the words of the domain's own checks, which run again when the rule is saved.</summary>
    public FieldErrors Check(FieldErrors errors, string prefix = "")
    {
        errors.AddIf(Mode == QuantityMode.Multiplier && Multiplier <= 0m, prefix + "multiplier", $"The multiplier must be greater than zero (got {Multiplier}).");
        errors.AddIf(Mode == QuantityMode.Fixed && FixedQuantity < 1, prefix + "fixedQuantity", $"The fixed quantity must be at least 1 (got {FixedQuantity}).");
        errors.AddIf(MaxPosition < 0, prefix + "maxPosition", $"The maximum position cannot be negative (got {MaxPosition}); send null for no cap.");
        if (SymbolMultipliers is null)
        {
            errors.Add(prefix + "symbolMultipliers", "Required: send {} for none.");
        }
        else
        {
            foreach (var twice in SymbolMultipliers.Keys.GroupBy(Roots.Normalize).Where(g => g.Count() > 1))
            {
                errors.Add(prefix + "symbolMultipliers", $"{twice.Key} is given more than once ({string.Join(", ", twice)}).");
            }

            foreach (var (root, multiplier) in SymbolMultipliers)
            {
                errors.AddIf(Roots.Problem(root) is not null, $"{prefix}symbolMultipliers.{root}", Roots.Problem(root) ?? "");
                errors.AddIf(multiplier <= 0m, $"{prefix}symbolMultipliers.{root}", $"The multiplier for {root} must be greater than zero (got {multiplier}).");
            }
        }

        if (BlockedRoots is null)
        {
            errors.Add(prefix + "blockedRoots", "Required: send [] for none.");
        }
        else
        {
            foreach (var problem in BlockedRoots.Select(Roots.Problem).OfType<string>())
            {
                errors.Add(prefix + "blockedRoots", problem);
            }
        }

        return errors;
    }
}

/// <summary>A contract root as rules name it: NQ, ES, M2K.</summary>
public static class Roots
{
    public const int MaxLength = CopyTrader.Domain.Configuration.ContractMapEntry.RootMaxLength;

    public static string? Problem(string? root)
    {
        var trimmed = root?.Trim() ?? "";
        return trimmed.Length is 0 or > MaxLength || !trimmed.All(char.IsAsciiLetterOrDigit)
            ? $"A contract root is 1 to {MaxLength} letters or digits, e.g. NQ or M2K (got '{root}')."
            : null;
    }

    public static string Normalize(string root) => root.Trim().ToUpperInvariant();
}
