using System.Net.WebSockets;
using System.Text;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>What one receive produced: a whole text message, the peer's close, or a message over the size limit.</summary>
internal abstract record TradovateReceived
{
    private TradovateReceived()
    {
    }

    public sealed record Text(string Value) : TradovateReceived;

    public sealed record Closed(WebSocketCloseStatus? Status, string? Description) : TradovateReceived;

    public sealed record TooLarge(long Bytes) : TradovateReceived;
}

/// <summary>Reads one whole WebSocket message, joining its fragments (snapshots can run to megabytes).</summary>
internal sealed class TradovateMessageAssembler(int maxBytes)
{
    private const int ChunkBytes = 64 * 1024;
    private const int KeptCapacity = 1024 * 1024;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private MemoryStream _parts = new();

    /// <summary>Receives until the end of a message; <paramref name="onChunk"/> runs on every piece that arrives.</summary>
    public async Task<TradovateReceived> ReceiveAsync(WebSocket socket, Action onChunk, CancellationToken ct)
    {
        Reset();
        while (true)
        {
            var result = await socket.ReceiveAsync(_chunk.AsMemory(), ct);
            onChunk();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new TradovateReceived.Closed(socket.CloseStatus, socket.CloseStatusDescription);
            }

            if (result.EndOfMessage && _parts.Length == 0)
            {
                return new TradovateReceived.Text(Encoding.UTF8.GetString(_chunk, 0, result.Count));
            }

            if (_parts.Length + result.Count > maxBytes)
            {
                return new TradovateReceived.TooLarge(_parts.Length + result.Count);
            }

            _parts.Write(_chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new TradovateReceived.Text(Encoding.UTF8.GetString(_parts.GetBuffer(), 0, (int)_parts.Length));
            }
        }
    }

    private void Reset()
    {
        if (_parts.Capacity > KeptCapacity)
        {
            _parts = new MemoryStream();
        }

        _parts.SetLength(0);
    }
}
