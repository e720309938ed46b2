namespace CopyTrader.Domain.Copying;

/// <summary>How a follower's size is derived from the leader's.</summary>
public enum QuantityMode
{
    /// <summary>Leader position × multiplier (a per-symbol override wins over the base multiplier).</summary>
    Multiplier,

    /// <summary>A fixed number of contracts on the leader's side whenever the leader is in a position.</summary>
    Fixed,
}

/// <summary>How a fractional follower size becomes whole contracts.</summary>
public enum RoundingRule
{
    /// <summary>To the nearest whole contract, halves away from zero (0.5 → 1, 1.5 → 2, 0.4 → 0).</summary>
    Nearest,

    /// <summary>Toward zero (1.9 → 1, 0.9 → 0): never more than the scaled size.</summary>
    Down,

    /// <summary>Away from zero (1.1 → 2, 0.1 → 1): never less than the scaled size.</summary>
    Up,
}
