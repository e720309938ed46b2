using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// Keeps one login's user stream up: runs <see cref="TradovateSocketSession"/>s one after another until cancelled,
/// with a fresh token from <paramref name="tokenProvider"/> per attempt. Each attempt holds the process-wide
/// <see cref="ConnectGate"/> from connect until its first snapshot (or its end), the only point where the session
/// shows it is connected, authorized and synced. All sessions' messages go to <see cref="Messages"/>, each session's
/// first snapshot preceded by <see cref="TradovateSessionMessage.SessionStarted"/>. Every end, authorization
/// failures included, is reported through <see cref="SessionEnded"/> and followed by the backoff delay, except
/// that an end while the market is closed (<see cref="TradovateStreamOptions.SuppressReconnectWhileMarketClosed"/>)
/// waits until <see cref="TradovateStreamOptions.ReconnectLeadBeforeOpen"/> before the next open, then starts the
/// backoff over.
/// </summary>
public sealed class TradovateStreamSupervisor(
    Uri url,
    TradovateSyncRequest syncRequest,
    Func<CancellationToken, Task<string>> tokenProvider,
    TradovateStreamOptions options,
    ConnectGate gate,
    Func<double> jitter,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private readonly Channel<TradovateSessionMessage> _messages =
        Channel.CreateUnbounded<TradovateSessionMessage>(new UnboundedChannelOptions { SingleWriter = true });

    private readonly ILogger _logger = loggerFactory.CreateLogger<TradovateStreamSupervisor>();
    private readonly MarketClosedHold _hold = new(options, timeProvider);
    private int _started;

    /// <summary>Every session's messages in order, with a marker before each new snapshot; completed when the loop stops.</summary>
    public ChannelReader<TradovateSessionMessage> Messages => _messages.Reader;

    /// <summary>Raised on the supervisor's loop after each session ends; a throwing handler is logged and ignored.</summary>
    public event Action<TradovateStreamEnd>? SessionEnded;

    /// <summary>Runs sessions until <paramref name="ct"/> is cancelled; returns once the current session has closed.</summary>
    public Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A Tradovate stream supervisor runs once.");
        }

        return Task.Run(() => LoopAsync(ct), CancellationToken.None);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var backoff = new ReconnectBackoff(options.Backoff, jitter);
        try
        {
            for (var session = 1; !ct.IsCancellationRequested; session++)
            {
                var (end, syncedFor) = await AttemptAsync(session, ct);
                if (ct.IsCancellationRequested)
                {
                    return;
                }

                backoff.OnSessionEnded(syncedFor);
                var now = timeProvider.GetUtcNow();
                if (_hold.ReconnectAt(now) is { } reconnectAt)
                {
                    Report(new TradovateStreamEnd(session, end, syncedFor, reconnectAt - now, MarketClosedHold.Describe(reconnectAt)));
                    await _hold.WaitUntilAsync(reconnectAt, ct);
                    backoff.Reset();
                    continue;
                }

                var delay = backoff.NextDelay();
                Report(new TradovateStreamEnd(session, end, syncedFor, delay));
                await Task.Delay(delay, timeProvider, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    /// <summary>One session from token to end; never throws except for cancellation.</summary>
    private async Task<(TradovateSessionEnd End, TimeSpan SyncedFor)> AttemptAsync(int number, CancellationToken ct)
    {
        string token;
        try
        {
            token = await tokenProvider(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (new TradovateSessionEnd(TradovateSessionEndKind.AuthorizationFailed, $"no access token: {ex.Message}"), TimeSpan.Zero);
        }

        using var lease = await gate.AcquireAsync(ct);
        var session = new TradovateSocketSession(
            url, token, syncRequest, options.Socket, timeProvider, loggerFactory.CreateLogger<TradovateSocketSession>());
        var run = session.RunAsync(ct);
        long? syncedAt = null;
        await foreach (var message in session.Messages.ReadAllAsync(CancellationToken.None))
        {
            if (syncedAt is null)
            {
                syncedAt = timeProvider.GetTimestamp();
                lease.Dispose();
                _messages.Writer.TryWrite(new TradovateSessionMessage.SessionStarted(number));
            }

            _messages.Writer.TryWrite(message);
        }

        var end = await run;
        return (end, syncedAt is { } at ? timeProvider.GetElapsedTime(at) : TimeSpan.Zero);
    }

    private void Report(TradovateStreamEnd end)
    {
        if (end.DelayReason is null)
        {
            _logger.LogWarning("Tradovate stream session {Session} ended: {Kind} {Reason}; next attempt in {Delay} ms",
                end.Session, end.End.Kind, end.End.Reason, (long)end.NextDelay.TotalMilliseconds);
        }
        else
        {
            _logger.LogWarning("Tradovate stream session {Session} ended: {Kind} {Reason}; {DelayReason}",
                end.Session, end.End.Kind, end.End.Reason, end.DelayReason);
        }

        try
        {
            SessionEnded?.Invoke(end);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A Tradovate stream end handler threw");
        }
    }
}
