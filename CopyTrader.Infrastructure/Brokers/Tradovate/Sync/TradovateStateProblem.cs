namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>Something the user state skipped or gave up on: why, and the start of the entity's raw JSON (may be empty).</summary>
public sealed record TradovateStateProblem(DateTimeOffset TimeUtc, string Reason, string Excerpt);
