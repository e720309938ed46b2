namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// One ended session of a <see cref="TradovateStreamSupervisor"/>: which one, why (<see cref="End"/>), how long it
/// was synced (zero when no snapshot arrived) and how long the supervisor waits before the next attempt.
/// <see cref="DelayReason"/> is null for the ordinary backoff and explains any other wait, e.g.
/// "market closed; reconnecting at 2026-11-29T22:55:00Z".
/// </summary>
public sealed record TradovateStreamEnd(
    int Session, TradovateSessionEnd End, TimeSpan SyncedFor, TimeSpan NextDelay, string? DelayReason = null);
