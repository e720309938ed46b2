using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>
/// One Tradovate user-stream socket, from connect to end (protocol file 1.5, 1.6, 1.7, 1.10): waits for
/// <c>o</c>, sends <c>authorize</c>, requires s=200, sends exactly one <c>user/syncrequest</c>, then hands the
/// snapshot and every <c>props</c> change to <see cref="Messages"/>. It sends <c>[]</c> every
/// <see cref="TradovateSocketOptions.HeartbeatInterval"/> and ends when the connect, <c>o</c>, the authorize answer
/// or the sync answer takes longer than its timeout, when the server is silent too long, closes
/// (<c>c</c>, <c>shutdown</c>) or the socket fails. Malformed frames are logged and skipped. One instance runs
/// once; reconnecting means a new session (and a new sync).
/// </summary>
public sealed partial class TradovateSocketSession(
    Uri url,
    string accessToken,
    TradovateSyncRequest syncRequest,
    TradovateSocketOptions options,
    TimeProvider timeProvider,
    ILogger<TradovateSocketSession> logger)
{
    private readonly Channel<TradovateSessionMessage> _messages =
        Channel.CreateUnbounded<TradovateSessionMessage>(new UnboundedChannelOptions { SingleWriter = true });

    private readonly TradovateRequestIds _ids = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _lastServerFrame;
    private int _started;
    private Task _heartbeats = Task.CompletedTask;

    /// <summary>The snapshot and live changes, in socket order; completed when the session ends.</summary>
    public ChannelReader<TradovateSessionMessage> Messages => _messages.Reader;

    /// <summary>
    /// Runs the whole socket lifecycle on the thread pool (never on the caller's synchronization context) and
    /// returns why it ended. Never throws for network or protocol trouble.
    /// </summary>
    public Task<TradovateSessionEnd> RunAsync(CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A Tradovate socket session runs once; create a new one per connection.");
        }

        return Task.Run(() => RunOnceAsync(ct), CancellationToken.None);
    }

    private async Task<TradovateSessionEnd> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            using var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero; // Tradovate uses its own h / [] heartbeats
            var end = await ConnectAsync(socket, ct) ?? await RunConnectedAsync(socket, ct);
            logger.LogInformation("Tradovate socket {Url} ended: {Kind} {Reason}", url, end.Kind, end.Reason);
            return end;
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    private async Task<TradovateSessionEnd?> ConnectAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await socket.ConnectAsync(url, linked.Token);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Cancelled;
        }
        catch (OperationCanceledException)
        {
            return new(TradovateSessionEndKind.ConnectTimedOut, $"no WebSocket connection within {Seconds(options.ConnectTimeout)} s");
        }
        catch (WebSocketException ex)
        {
            return new(TradovateSessionEndKind.ConnectFailed, ex.Message);
        }
    }

    private async Task<TradovateSessionEnd> RunConnectedAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Touch();
        Enter(HandshakeStage.AwaitingOpen);
        var receive = ReceiveLoopAsync(socket, stop.Token);
        var watchdog = WatchdogAsync(stop.Token);
        var first = await Task.WhenAny(receive, watchdog);
        var end = ct.IsCancellationRequested ? Cancelled : await first;
        await stop.CancelAsync();
        await Task.WhenAll(receive, watchdog);
        await _heartbeats;
        await CloseAsync(socket, end);
        return end;
    }

    private static TradovateSessionEnd Cancelled => new(TradovateSessionEndKind.Cancelled, "cancelled by the caller");

    private void Touch() => Volatile.Write(ref _lastServerFrame, timeProvider.GetTimestamp());

    /// <summary>
    /// Ends the session when a handshake step is overdue (checked first, so the reason names the step) or as dead
    /// once no server frame has arrived for the silence timeout.
    /// </summary>
    private async Task<TradovateSessionEnd> WatchdogAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                if (HandshakeOverdue(out var handshakeLeft) is { } overdue)
                {
                    return overdue;
                }

                var silent = timeProvider.GetElapsedTime(Volatile.Read(ref _lastServerFrame));
                var remaining = options.ServerSilenceTimeout - silent;
                if (remaining <= TimeSpan.Zero)
                {
                    return new(TradovateSessionEndKind.Dead, $"no frame from the server for {silent.TotalSeconds:0.###} s");
                }

                // A step finishing early only moves its deadline later, so waking at the old one is merely early.
                await Task.Delay(handshakeLeft != Timeout.InfiniteTimeSpan && handshakeLeft < remaining ? handshakeLeft : remaining, timeProvider, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return Cancelled;
        }
    }

    private async Task HeartbeatLoopAsync(WebSocket socket, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.HeartbeatInterval, timeProvider, ct);
                await SendAsync(socket, TradovateRequest.Heartbeat, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop sees the broken socket and ends the session with the reason.
            logger.LogDebug(ex, "Tradovate heartbeat not sent");
        }
    }

    private async Task SendAsync(WebSocket socket, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(ClientWebSocket socket, TradovateSessionEnd end)
    {
        if (end.Kind is TradovateSessionEndKind.Dead or TradovateSessionEndKind.MessageTooLarge
            || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            socket.Abort();
            return;
        }

        using var timeout = new CancellationTokenSource(options.CloseTimeout, timeProvider);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
