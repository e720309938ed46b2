using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>What a <see cref="TradovateSocketSession"/> hands to its reader, in socket order.</summary>
public abstract record TradovateSessionMessage
{
    private TradovateSessionMessage()
    {
    }

    /// <summary>
    /// A successful answer to the session's <c>user/syncrequest</c>: the initial snapshot (<c>users</c>,
    /// <c>accounts</c>, <c>positions</c>, ...). With <c>splitResponses</c> there may be several and no
    /// documented end marker [U]; the first one means "synced".
    /// </summary>
    public sealed record Snapshot(JsonElement Data) : TradovateSessionMessage;

    /// <summary>One live entity change from a <c>props</c> event.</summary>
    public sealed record Props(TradovatePropsEvent Change) : TradovateSessionMessage;

    /// <summary>
    /// Written by <c>TradovateStreamSupervisor</c> (never by a session) just before the first snapshot of a new
    /// session: what follows is a fresh snapshot, history to rebuild state from, never fills to copy.
    /// </summary>
    public sealed record SessionStarted(int Session) : TradovateSessionMessage;
}
