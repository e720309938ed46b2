using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>Test controls: push events and raw frames, close with <c>c</c> or <c>shutdown</c>, or drop the socket.</summary>
public sealed partial class FakeTradovateConnection
{
    /// <summary>Sends one frame exactly as given (e.g. a malformed one).</summary>
    public Task SendRawAsync(string frame) => SendAsync(frame, CancellationToken.None);

    /// <summary>Sends one frame split into WebSocket fragments of <paramref name="fragmentBytes"/> bytes.</summary>
    public async Task SendFragmentedAsync(string frame, int fragmentBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += fragmentBytes)
            {
                var count = Math.Min(fragmentBytes, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
            }

            Interlocked.Exchange(ref _lastServerFrame, _time.GetTimestamp());
            Locked(() => _sent.Add(frame));
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends <c>a[...]</c> with the given JSON messages (responses and events may be mixed) [C].</summary>
    public Task PushAsync(params string[] messagesJson) => SendRawAsync($"a[{string.Join(',', messagesJson)}]");

    /// <summary>Builds <c>{"e":"props","d":{"entityType","eventType","entity"}}</c> (protocol file 1.7).</summary>
    public static string Props(string entityType, string eventType, string entityJson) =>
        $$$"""{"e":"props","d":{"entityType":{{{JsonSerializer.Serialize(entityType)}}},"eventType":{{{JsonSerializer.Serialize(eventType)}}},"entity":{{{entityJson}}}}}""";

    public Task PushPropsAsync(string entityType, string eventType, string entityJson) =>
        PushAsync(Props(entityType, eventType, entityJson));

    /// <summary>Sends <c>c[code,"reason"]</c>, then closes the WebSocket.</summary>
    public async Task CloseWithFrameAsync(int code, string reason)
    {
        await SendRawAsync($"c[{code},{JsonSerializer.Serialize(reason)}]");
        await CloseSocketAsync(reason);
    }

    /// <summary>Sends a <c>shutdown</c> event (<c>reasonCode</c>: Maintenance, ConnectionQuotaReached, IPQuotaReached) [C], then closes.</summary>
    public async Task ShutdownAsync(string reasonCode, string? reason = null)
    {
        var data = reason is null
            ? $$"""{"reasonCode":{{JsonSerializer.Serialize(reasonCode)}}}"""
            : $$"""{"reasonCode":{{JsonSerializer.Serialize(reasonCode)}},"reason":{{JsonSerializer.Serialize(reason)}}}""";
        await PushAsync($$"""{"e":"shutdown","d":{{data}}}""");
        await CloseSocketAsync(reasonCode);
    }

    /// <summary>Drops the TCP connection with no close handshake.</summary>
    public void Drop() => _socket.Abort();

    private async Task CloseSocketAsync(string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Drop();
        }
    }

    private async Task SendAsync(string frame, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
            Interlocked.Exchange(ref _lastServerFrame, _time.GetTimestamp());
            Locked(() => _sent.Add(frame));
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
