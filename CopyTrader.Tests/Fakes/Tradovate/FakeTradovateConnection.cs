using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// One client socket on the fake: what the client sent (frames, heartbeats, sync requests, protocol
/// violations) and what the fake sent, and controls for the test to push frames, close, shut down or drop it.
/// Replies and exchange events leave in order through one outbound queue.
/// </summary>
public sealed partial class FakeTradovateConnection
{
    private readonly WebSocket _socket;
    private readonly FakeTradovateOptions _options;
    private readonly FakeTradovateBackend _backend;
    private readonly TimeProvider _time;
    private readonly Channel<string> _outbound = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _sent = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly object _gate = new();
    private readonly List<FakeTradovateReceivedFrame> _frames = [];
    private readonly List<DateTimeOffset> _heartbeats = [];
    private readonly List<string> _syncBodies = [];
    private readonly List<string> _violations = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _openReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastClientFrame;
    private long _lastServerFrame;
    private volatile bool _openSent;

    internal FakeTradovateConnection(WebSocket socket, FakeTradovateBackend backend)
    {
        _socket = socket;
        _backend = backend;
        _options = backend.Options;
        _time = _options.TimeProvider;
        ConnectedAt = _time.GetUtcNow();
    }

    public DateTimeOffset ConnectedAt { get; }

    public DateTimeOffset? OpenSentAt { get; private set; }

    public bool IsAuthorized { get; private set; }

    /// <summary>True when the fake dropped the socket because the client sent nothing for <see cref="FakeTradovateOptions.ClientSilenceTimeout"/>.</summary>
    public bool DroppedForSilence { get; private set; }

    /// <summary>Completes when the socket is gone.</summary>
    public Task Closed => _closed.Task;

    public IReadOnlyList<FakeTradovateReceivedFrame> ReceivedFrames => Locked(() => _frames.ToArray());

    /// <summary>Every frame the fake sent on this socket, <c>o</c> and <c>h</c> included, in order.</summary>
    public IReadOnlyList<string> SentFrames => Locked(() => _sent.ToArray());

    /// <summary>When each client <c>[]</c> arrived.</summary>
    public IReadOnlyList<DateTimeOffset> HeartbeatTimes => Locked(() => _heartbeats.ToArray());

    /// <summary>Bodies of every <c>user/syncrequest</c>; more than one on a socket is also a violation.</summary>
    public IReadOnlyList<string> SyncRequestBodies => Locked(() => _syncBodies.ToArray());

    public int SyncRequestCount => SyncRequestBodies.Count;

    /// <summary>Protocol violations by the client: frames before <c>o</c>, requests before authorize, a second sync, ...</summary>
    public IReadOnlyList<string> Violations => Locked(() => _violations.ToArray());

    /// <summary>Lets a <see cref="FakeTradovateOptions.ManualOpen"/> connection send its <c>o</c>.</summary>
    public void ReleaseOpen() => _openReleased.TrySetResult();

    internal async Task RunAsync(CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _lastClientFrame = _time.GetTimestamp();
        var receive = ReceiveLoopAsync(stop.Token);
        try
        {
            await (_options.ManualOpen ? _openReleased.Task.WaitAsync(stop.Token) : Task.Delay(_options.OpenDelay, _time, stop.Token));
            OpenSentAt = _time.GetUtcNow();
            _openSent = true;
            await SendAsync("o", stop.Token);
            var heartbeats = HeartbeatLoopAsync(stop.Token);
            var silence = SilenceWatchAsync(stop.Token);
            var pump = PumpAsync(stop.Token);
            await receive;
            await stop.CancelAsync();
            await Task.WhenAll(heartbeats, silence, pump);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Drop();
        }
        finally
        {
            await stop.CancelAsync();
            await receive;
            _closed.TrySetResult();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    OnClientFrame(text);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        if (_options.HeartbeatInterval is not { } interval)
        {
            return;
        }

        await Quietly(async () =>
        {
            while (true)
            {
                var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastServerFrame));
                if (idle >= interval)
                {
                    await _backend.Faults.WaitIfSocketsStalledAsync(ct);
                    await SendAsync("h", ct);
                    continue;
                }

                await Task.Delay(interval - idle, _time, ct);
            }
        });
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        await Quietly(async () =>
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(ct))
            {
                await _backend.Faults.WaitIfSocketsStalledAsync(ct);
                await SendAsync(frame, ct);
            }
        });
    }

    private void Enqueue(string frame) => _outbound.Writer.TryWrite(frame);

    private async Task SilenceWatchAsync(CancellationToken ct)
    {
        await Quietly(async () =>
        {
            while (true)
            {
                var silent = _time.GetElapsedTime(Interlocked.Read(ref _lastClientFrame));
                if (silent >= _options.ClientSilenceTimeout)
                {
                    DroppedForSilence = true;
                    Drop();
                    return;
                }

                await Task.Delay(_options.ClientSilenceTimeout - silent, _time, ct);
            }
        });
    }

    private static async Task Quietly(Func<Task> loop)
    {
        try
        {
            await loop();
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}
