using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>
/// A raw ClientWebSocket on the fake: opens, authorizes, syncs, then reads frames through a background loop (so a
/// test can wait for "nothing" without aborting the socket) and answers nothing on its own.
/// </summary>
internal sealed class FakeExchangeSocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;
    private readonly List<string> _syncFrames = [];
    private int _nextId = 2;

    /// <summary>The <c>d</c> of the sync answer (all split chunks merged when the sync asked for splitResponses).</summary>
    public JsonObject Snapshot { get; private set; } = [];

    /// <summary>Completes when the server closed or dropped the socket.</summary>
    public Task Ended => _receive;

    public static async Task<FakeExchangeSocket> OpenAsync(Uri url, string token, string? syncBody)
    {
        var socket = new FakeExchangeSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket._socket.ConnectAsync(url, timeout.Token);
        socket._receive = socket.ReceiveLoopAsync();
        Assert.Equal("o", await socket.NextFrameAsync());
        await socket.SendAsync($"authorize\n0\n\n{token}");
        var authorized = await socket.NextFrameAsync();
        if (authorized != "a[{\"s\":200,\"i\":0}]" || syncBody is null)
        {
            socket.Authorization = authorized;
            return socket;
        }

        socket.Authorization = authorized;
        await socket.SendAsync($"user/syncrequest\n1\n\n{syncBody}");
        do
        {
            var frame = await socket.NextFrameAsync();
            socket._syncFrames.Add(frame);
            Assert.StartsWith("a[", frame);
            var message = Assert.Single(JsonNode.Parse(frame[1..])!.AsArray());
            Assert.Equal(200, (int)message!["s"]!);
            foreach (var (key, value) in message["d"]!.AsObject())
            {
                socket.Snapshot[key] = value!.DeepClone();
            }
        }
        while (!socket.Snapshot.ContainsKey("users") || (syncBody.Contains("splitResponses", StringComparison.Ordinal) && !socket.Snapshot.ContainsKey("contractGroups")));

        return socket;
    }

    /// <summary>The raw frames that answered the sync request.</summary>
    public IReadOnlyList<string> SyncFrames => _syncFrames;

    /// <summary>The frame that answered <c>authorize</c>.</summary>
    public string Authorization { get; private set; } = "";

    public Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame other than <c>h</c>.</summary>
    public async Task<string> NextFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var frame = await _frames.Reader.ReadAsync(timeout.Token);
            if (frame != "h")
            {
                return frame;
            }
        }
    }

    /// <summary>The messages of the next <c>a</c> frame.</summary>
    public async Task<JsonArray> NextMessagesAsync()
    {
        var frame = await NextFrameAsync();
        Assert.StartsWith("a[", frame);
        return JsonNode.Parse(frame[1..])!.AsArray();
    }

    /// <summary>Collects the <c>d</c> of the next <paramref name="count"/> props events, across frames.</summary>
    public async Task<IReadOnlyList<JsonObject>> PropsAsync(int count)
    {
        var props = new List<JsonObject>();
        while (props.Count < count)
        {
            foreach (var message in await NextMessagesAsync())
            {
                Assert.Equal("props", (string?)message!["e"]);
                props.Add(message["d"]!.AsObject());
            }
        }

        Assert.Equal(count, props.Count);
        return props;
    }

    /// <summary>True when no frame other than <c>h</c> arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> QuietForAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (await _frames.Reader.ReadAsync(timeout.Token) == "h")
            {
            }

            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Sends <c>endpoint\nid\nquery\nbody</c> and returns the message answering that id.</summary>
    public async Task<JsonObject> RequestAsync(string endpoint, string query, string body)
    {
        var id = _nextId++;
        await SendAsync($"{endpoint}\n{id}\n{query}\n{body}");
        while (true)
        {
            foreach (var message in await NextMessagesAsync())
            {
                if (message!["i"] is { } i && (int)i == id)
                {
                    return message.AsObject();
                }
            }
        }
    }

    public static IReadOnlyList<string> Kinds(IEnumerable<JsonObject> props) =>
        [.. props.Select(d => $"{d["entityType"]} {d["eventType"]}")];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receive;
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _frames.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
