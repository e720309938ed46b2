using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>Reads one array element: an event has <c>e</c>, a response has <c>i</c> and <c>s</c> (protocol file 1.5).</summary>
internal static class TradovateMessageReader
{
    public static TradovateMessage Read(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Malformed(index, element, $"element {index} is a {element.ValueKind}, not an object");
        }

        if (element.TryGetProperty("e", out var name))
        {
            return ReadEvent(index, element, name);
        }

        if (element.TryGetProperty("i", out var id))
        {
            return ReadResponse(index, element, id);
        }

        return Malformed(index, element, $"element {index} is neither a response (no \"i\") nor an event (no \"e\")");
    }

    private static TradovateMessage ReadEvent(int index, JsonElement element, JsonElement name)
    {
        if (name.ValueKind != JsonValueKind.String || name.GetString() is not { Length: > 0 } text)
        {
            return Malformed(index, element, $"event at element {index} has an \"e\" that is not a non-empty string");
        }

        return element.TryGetProperty("d", out var data)
            ? new TradovateMessage.Event(TradovateMessage.KindOf(text), text, data)
            : Malformed(index, element, $"event '{text}' at element {index} has no \"d\"");
    }

    private static TradovateMessage ReadResponse(int index, JsonElement element, JsonElement id)
    {
        if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var requestId) || requestId < 0)
        {
            return Malformed(index, element, $"response at element {index} has an \"i\" that is not a non-negative integer");
        }

        if (!element.TryGetProperty("s", out var status)
            || status.ValueKind != JsonValueKind.Number
            || !status.TryGetInt32(out var code))
        {
            return Malformed(index, element, $"response {requestId} at element {index} has no integer status \"s\"");
        }

        JsonElement? data = element.TryGetProperty("d", out var d) ? d : null;
        return new TradovateMessage.Response(requestId, code, data);
    }

    private static TradovateMessage.Malformed Malformed(int index, JsonElement element, string reason) =>
        new(index, reason, TradovateFrame.ExcerptOf(element.GetRawText()));
}
