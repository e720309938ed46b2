namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// One text frame from a Tradovate WebSocket, classified by its first character (protocol file 1.5):
/// <c>o</c> open, <c>h</c> heartbeat, <c>a[...]</c> messages, <c>c[code,"reason"]</c> close.
/// Anything else is <see cref="Malformed"/>, which the socket loop logs and skips.
/// </summary>
public abstract record TradovateFrame
{
    /// <summary>How much of the raw text a <see cref="Malformed"/> result keeps for the log.</summary>
    public const int ExcerptLength = 200;

    private TradovateFrame()
    {
    }

    /// <summary>Parses one server frame; never throws.</summary>
    public static TradovateFrame Parse(string? text) => TradovateFrameParser.Parse(text);

    /// <summary>The server accepted the socket; the client now sends <c>authorize</c>.</summary>
    public sealed record Open : TradovateFrame;

    /// <summary>The server is idle and alive.</summary>
    public sealed record Heartbeat : TradovateFrame;

    /// <summary>An <c>a</c> frame: responses and events in the order the server sent them.</summary>
    public sealed record Messages(IReadOnlyList<TradovateMessage> Items) : TradovateFrame;

    /// <summary>The server closes the socket.</summary>
    public sealed record Close(int Code, string? Reason) : TradovateFrame;

    /// <summary>A frame that could not be read: why, and the start of the raw text.</summary>
    public sealed record Malformed(string Reason, string Excerpt) : TradovateFrame;

    internal static string ExcerptOf(string? text) =>
        text is null ? "" : text.Length <= ExcerptLength ? text : text[..ExcerptLength];
}
