using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

internal static class TradovateFrameParser
{
    private static readonly TradovateFrame OpenFrame = new TradovateFrame.Open();
    private static readonly TradovateFrame HeartbeatFrame = new TradovateFrame.Heartbeat();

    public static TradovateFrame Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new TradovateFrame.Malformed("empty frame", "");
        }

        return text[0] switch
        {
            'o' => Bare(text, OpenFrame, "open"),
            'h' => Bare(text, HeartbeatFrame, "heartbeat"),
            'a' => ParseMessages(text),
            'c' => ParseClose(text),
            _ => Malformed(text, $"unknown frame type '{text[0]}' (U+{(int)text[0]:X4}); expected o, h, a or c"),
        };
    }

    private static TradovateFrame Bare(string text, TradovateFrame frame, string name) =>
        text.AsSpan(1).Trim().IsEmpty ? frame : Malformed(text, $"{name} frame '{text[0]}' has trailing content");

    private static TradovateFrame ParseMessages(string text)
    {
        if (!TryParseArray(text, out var array, out var problem))
        {
            return Malformed(text, problem);
        }

        var items = new List<TradovateMessage>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            items.Add(TradovateMessageReader.Read(index++, element));
        }

        return new TradovateFrame.Messages(items);
    }

    private static TradovateFrame ParseClose(string text)
    {
        if (!TryParseArray(text, out var array, out var problem))
        {
            return Malformed(text, problem);
        }

        if (array.GetArrayLength() == 0 || array[0].ValueKind != JsonValueKind.Number || !array[0].TryGetInt32(out var code))
        {
            return Malformed(text, "close frame 'c' does not start with an integer code");
        }

        if (array.GetArrayLength() < 2)
        {
            return new TradovateFrame.Close(code, null);
        }

        return array[1].ValueKind == JsonValueKind.String
            ? new TradovateFrame.Close(code, array[1].GetString())
            : Malformed(text, "close frame 'c' has a reason that is not a string");
    }

    private static bool TryParseArray(string text, out JsonElement array, out string problem)
    {
        array = default;
        var name = text[0];
        if (text.AsSpan(1).Trim().IsEmpty)
        {
            problem = $"frame '{name}' has no JSON body";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(1));
            array = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problem = $"frame '{name}' has invalid JSON: {ex.Message}";
            return false;
        }

        var isArray = array.ValueKind == JsonValueKind.Array;
        problem = isArray ? "" : $"frame '{name}' is not followed by a JSON array but by a {array.ValueKind}";
        return isArray;
    }

    private static TradovateFrame.Malformed Malformed(string text, string reason) =>
        new(reason, TradovateFrame.ExcerptOf(text));
}
