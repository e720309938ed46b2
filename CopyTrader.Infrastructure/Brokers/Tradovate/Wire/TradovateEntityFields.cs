using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// Reads typed fields from one entity and keeps the first problem, so a mapper reads every field it needs
/// and then checks <see cref="Problem"/> once. Numbers go through <c>GetDecimal</c>; times are UTC.
/// </summary>
internal sealed class TradovateEntityFields(JsonElement entity, string entityType)
{
    private readonly bool _isObject = entity.ValueKind == JsonValueKind.Object;

    public string? Problem { get; private set; } =
        entity.ValueKind == JsonValueKind.Object ? null : $"{entityType} is a {entity.ValueKind}, not an object";

    public long Id(string name)
    {
        if (TryGet(name, JsonValueKind.Number, out var value) && value.TryGetInt64(out var id))
        {
            return id;
        }

        return Fail(name, "an integer id", 0L);
    }

    public decimal Decimal(string name) =>
        TryGet(name, JsonValueKind.Number, out var value) && value.TryGetDecimal(out var number)
            ? number
            : Fail(name, "a number", 0m);

    public decimal? OptionalDecimal(string name)
    {
        if (!_isObject || !entity.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Decimal(name);
    }

    /// <summary>A quantity: a JSON number that is a whole number fitting an <see cref="int"/>.</summary>
    public int WholeNumber(string name)
    {
        var number = Decimal(name);
        if (Problem is not null)
        {
            return 0;
        }

        return number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : Fail(name, "a whole number", 0);
    }

    public DateTimeOffset Timestamp(string name)
    {
        if (TryGet(name, JsonValueKind.String, out var value)
            && DateTimeOffset.TryParse(
                value.GetString(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            return time.ToUniversalTime();
        }

        return Fail(name, "an ISO-8601 timestamp", default(DateTimeOffset));
    }

    /// <summary>Tradovate's <c>action</c>: <c>"Buy"</c> or <c>"Sell"</c>.</summary>
    public Side Action(string name = "action")
    {
        var text = TryGet(name, JsonValueKind.String, out var value) ? value.GetString() : null;
        return text switch
        {
            "Buy" => Side.Buy,
            "Sell" => Side.Sell,
            _ => Fail(name, "\"Buy\" or \"Sell\"", Side.Buy),
        };
    }

    public string String(string name) =>
        TryGet(name, JsonValueKind.String, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : Fail(name, "a non-empty string", "");

    private bool TryGet(string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return _isObject && entity.TryGetProperty(name, out value) && value.ValueKind == kind;
    }

    private T Fail<T>(string name, string expected, T fallback)
    {
        Problem ??= _isObject && entity.TryGetProperty(name, out var value)
            ? $"{entityType} field \"{name}\" is not {expected}: {TradovateFrame.ExcerptOf(value.GetRawText())}"
            : $"{entityType} has no \"{name}\"";
        return fallback;
    }
}
