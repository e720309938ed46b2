using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

/// <summary>Copy log entries for the query tests: times are seconds after <see cref="Start"/>.</summary>
internal static class CopyLogRows
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    public static CopyLogEntry Entry(
        double seconds, int group, int followerAccount, string leaderSymbol, string symbol, CopyOutcome outcome, double latencyMs,
        string? reason = null, int leaderAccount = 10) =>
        new(At(seconds), group, leaderAccount, followerId: 100 + followerAccount, followerAccount, $"SIM-F{seconds}", leaderSymbol, symbol,
            outcome is CopyOutcome.Skipped ? null : Side.Buy, 2, outcome is CopyOutcome.Skipped ? 0 : 4, outcome, latencyMs,
            outcome is CopyOutcome.Skipped ? null : $"CT-{seconds}", outcome is CopyOutcome.Accepted ? $"SIM-O{seconds}" : null, reason);
}
