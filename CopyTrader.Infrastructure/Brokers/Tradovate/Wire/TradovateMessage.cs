using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>The server event types the protocol file names (1.5); <see cref="Other"/> keeps the socket alive on new ones.</summary>
public enum TradovateEventKind
{
    Props,
    Shutdown,
    Md,
    Chart,
    Clock,
    Other,
}

/// <summary>One element of an <c>a</c> frame's array.</summary>
public abstract record TradovateMessage
{
    private TradovateMessage()
    {
    }

    /// <summary>
    /// The answer to request <see cref="RequestId"/>. <see cref="Data"/> is absent on some answers
    /// (e.g. <c>{"s":429,"i":3}</c>); when <see cref="Status"/> is not 2xx it carries the error text.
    /// </summary>
    public sealed record Response(long RequestId, int Status, JsonElement? Data) : TradovateMessage
    {
        public bool IsSuccess => Status is >= 200 and <= 299;

        /// <summary>The error text of a failed response: <c>d</c> as a string, or its raw JSON if it is not one.</summary>
        public string? Error => IsSuccess || Data is not { } d
            ? null
            : d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText();
    }

    /// <summary>A server-initiated message (<c>{"e":name,"d":data}</c>); <see cref="Name"/> is <c>e</c> as sent.</summary>
    public sealed record Event(TradovateEventKind Kind, string Name, JsonElement Data) : TradovateMessage;

    /// <summary>An element that is neither a response nor an event; its neighbours are still delivered.</summary>
    public sealed record Malformed(int Index, string Reason, string Excerpt) : TradovateMessage;

    internal static TradovateEventKind KindOf(string name) => name switch
    {
        "props" => TradovateEventKind.Props,
        "shutdown" => TradovateEventKind.Shutdown,
        "md" => TradovateEventKind.Md,
        "chart" => TradovateEventKind.Chart,
        "clock" => TradovateEventKind.Clock,
        _ => TradovateEventKind.Other,
    };
}
