namespace CopyTrader.Domain.Copying;

/// <summary>
/// Everything that decides a follower's size. Zero is always a value here, never "unset": a
/// <see cref="MaxPosition"/> of 0 keeps the follower flat; no cap is <c>null</c>.
/// </summary>
public sealed record FollowerRule
{
    public static readonly FollowerRule Default = new();

    public QuantityMode Mode { get; init; } = QuantityMode.Multiplier;

    /// <summary>Base multiplier in <see cref="QuantityMode.Multiplier"/> mode; greater than zero.</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Contracts held in <see cref="QuantityMode.Fixed"/> mode; at least 1.</summary>
    public int FixedQuantity { get; init; } = 1;

    /// <summary>Multiplier by the leader's root (NQ, ES, ...), winning over <see cref="Multiplier"/>.</summary>
    public IReadOnlyDictionary<string, decimal> SymbolMultipliers { get; init; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fade copy: the follower takes the opposite side.</summary>
    public bool Inverse { get; init; }

    /// <summary>Largest absolute position in contracts; null for no cap.</summary>
    public int? MaxPosition { get; init; }

    public RoundingRule Rounding { get; init; } = RoundingRule.Nearest;

    /// <summary>Hold at least one contract while the leader is in a position, even when scaling rounds to 0.</summary>
    public bool AtLeastOneWhileLeaderInPosition { get; init; }

    /// <summary>Leader roots this follower never copies.</summary>
    public IReadOnlySet<string> BlockedRoots { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Copy the leader's protective stop-loss orders (order mirroring).</summary>
    public bool CopyStopLoss { get; init; } = true;

    /// <summary>Copy the leader's take-profit orders (order mirroring).</summary>
    public bool CopyTakeProfit { get; init; } = true;

    /// <summary>The reasons this rule cannot be used, in words for the form; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Mode == QuantityMode.Multiplier && Multiplier <= 0m)
        {
            problems.Add($"The multiplier must be greater than zero (got {Multiplier}).");
        }

        if (Mode == QuantityMode.Fixed && FixedQuantity < 1)
        {
            problems.Add($"The fixed quantity must be at least 1 (got {FixedQuantity}).");
        }

        problems.AddRange(SymbolMultipliers.Where(o => o.Value <= 0m).Select(o => $"The multiplier for {o.Key} must be greater than zero (got {o.Value})."));
        if (MaxPosition < 0)
        {
            problems.Add($"The maximum position cannot be negative (got {MaxPosition}); leave it empty for no cap.");
        }

        return problems;
    }
}
