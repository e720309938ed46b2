using System.Globalization;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>
/// The handshake deadlines: each step (<c>o</c>, the <c>authorize</c> answer, the <c>user/syncrequest</c> answer)
/// has its own timeout from the moment the session starts waiting for it; the watchdog ends an overdue session.
/// </summary>
public sealed partial class TradovateSocketSession
{
    private HandshakeStep _step = new(HandshakeStage.AwaitingOpen, 0);

    private enum HandshakeStage
    {
        AwaitingOpen,
        AwaitingAuthorize,
        AwaitingSync,
        Synced,
    }

    /// <summary>Stage and the timestamp it began, swapped as one reference so the watchdog never sees a mix.</summary>
    private sealed record HandshakeStep(HandshakeStage Stage, long StartedAt);

    private void Enter(HandshakeStage stage) => Volatile.Write(ref _step, new HandshakeStep(stage, timeProvider.GetTimestamp()));

    /// <summary>The end when the current step is overdue; otherwise null and the time it has left (infinite once synced).</summary>
    private TradovateSessionEnd? HandshakeOverdue(out TimeSpan left)
    {
        var step = Volatile.Read(ref _step);
        var (limit, kind, missing) = step.Stage switch
        {
            HandshakeStage.AwaitingOpen => (options.OpenTimeout, TradovateSessionEndKind.OpenTimedOut, "no o frame"),
            HandshakeStage.AwaitingAuthorize => (options.AuthorizeTimeout, TradovateSessionEndKind.AuthorizeTimedOut, "no authorize answer"),
            HandshakeStage.AwaitingSync => (options.SyncTimeout, TradovateSessionEndKind.SyncTimedOut, "no user/syncrequest answer"),
            _ => (Timeout.InfiniteTimeSpan, TradovateSessionEndKind.Cancelled, string.Empty),
        };
        if (limit == Timeout.InfiniteTimeSpan)
        {
            left = Timeout.InfiniteTimeSpan;
            return null;
        }

        left = limit - timeProvider.GetElapsedTime(step.StartedAt);
        return left > TimeSpan.Zero ? null : new TradovateSessionEnd(kind, $"{missing} within {Seconds(limit)} s");
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
