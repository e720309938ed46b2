namespace CopyTrader.Infrastructure.Brokers.Tradovate;

public enum TradovateSessionEndKind
{
    /// <summary>The caller cancelled the session.</summary>
    Cancelled,

    /// <summary>The WebSocket could not be opened.</summary>
    ConnectFailed,

    /// <summary>The WebSocket connect did not finish within <see cref="TradovateSocketOptions.ConnectTimeout"/>.</summary>
    ConnectTimedOut,

    /// <summary>No <c>o</c> frame within <see cref="TradovateSocketOptions.OpenTimeout"/> of the connect.</summary>
    OpenTimedOut,

    /// <summary>No answer to <c>authorize</c> within <see cref="TradovateSocketOptions.AuthorizeTimeout"/>.</summary>
    AuthorizeTimedOut,

    /// <summary>No answer to <c>user/syncrequest</c> within <see cref="TradovateSocketOptions.SyncTimeout"/>.</summary>
    SyncTimedOut,

    /// <summary>The server answered <c>authorize</c> with a non-2xx status; the reason is its <c>d</c> text.</summary>
    AuthorizationFailed,

    /// <summary>The server answered <c>user/syncrequest</c> with a non-2xx status.</summary>
    SyncRejected,

    /// <summary>The server sent a <c>c[code,"reason"]</c> frame.</summary>
    ServerClosed,

    /// <summary>The server sent a <c>shutdown</c> event (maintenance, quota).</summary>
    Shutdown,

    /// <summary>No server frame (not even <c>h</c>) arrived within the silence timeout.</summary>
    Dead,

    /// <summary>The socket closed or failed without a Tradovate close frame.</summary>
    ConnectionLost,

    /// <summary>A message exceeded <see cref="TradovateSocketOptions.MaxMessageBytes"/>.</summary>
    MessageTooLarge,
}

/// <summary>Why a session ended; <see cref="CloseCode"/> is set for <see cref="TradovateSessionEndKind.ServerClosed"/>.</summary>
public sealed record TradovateSessionEnd(TradovateSessionEndKind Kind, string Reason, int? CloseCode = null)
{
    /// <summary>
    /// The status Tradovate answered a request of the session with, for <see cref="TradovateSessionEndKind.AuthorizationFailed"/>
    /// from the server (401: the token is refused; 429: rate limited, the token may be good).
    /// </summary>
    public int? AnswerStatus { get; init; }
}
