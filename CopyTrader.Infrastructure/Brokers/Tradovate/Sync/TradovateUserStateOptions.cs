namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>Bounds of <see cref="TradovateUserState"/>: what it remembers, and how much it waits on.</summary>
public sealed record TradovateUserStateOptions
{
    /// <summary>Items waiting for their order or contract; beyond this the oldest is given up as a problem.</summary>
    public int MaxPending { get; init; } = 1_000;

    /// <summary>Live changes held while a snapshot waits for its positions' contracts; beyond this the oldest is dropped as a problem.</summary>
    public int MaxHeld { get; init; } = 10_000;

    /// <summary>How many recorded problems are kept (the newest); <see cref="TradovateUserState.ProblemCount"/> counts them all.</summary>
    public int MaxProblems { get; init; } = 200;

    /// <summary>
    /// Fill ids are remembered for this many of the most recent trade dates seen. A fill of an older trade date
    /// counts as already seen: the session-end replay re-delivers old fills, never new ones.
    /// </summary>
    public int TradeDatesKept { get; init; } = 3;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPending, 1, nameof(MaxPending));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeld, 1, nameof(MaxHeld));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProblems, 1, nameof(MaxProblems));
        ArgumentOutOfRangeException.ThrowIfLessThan(TradeDatesKept, 1, nameof(TradeDatesKept));
    }
}
