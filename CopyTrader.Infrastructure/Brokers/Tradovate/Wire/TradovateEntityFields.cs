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

    /// <summary>An id that may be absent or null (e.g. an order's <c>ocoId</c>).</summary>
    public long? OptionalId(string name) => IsAbsent(name) ? null : Id(name);

    public decimal Decimal(string name) =>
        TryGet(name, JsonValueKind.Number, out var value) && value.TryGetDecimal(out var number)
            ? number
            : Fail(name, "a number", 0m);

    public decimal? OptionalDecimal(string name) => IsAbsent(name) ? null : Decimal(name);

    /// <summary>A string that may be absent, null or empty (e.g. a command's <c>clOrdId</c>); empty reads as null.</summary>
    public string? OptionalString(string name)
    {
        if (IsAbsent(name))
        {
            return null;
        }

        return TryGet(name, JsonValueKind.String, out var value)
            ? value.GetString() is { Length: > 0 } text ? text : null
            : Fail(name, "a string", (string?)null);
    }

    /// <summary>A boolean that may be absent or null, then <paramref name="absent"/>.</summary>
    public bool OptionalBoolean(string name, bool absent)
    {
        if (IsAbsent(name))
        {
            return absent;
        }

        if (TryGet(name, JsonValueKind.True, out _))
        {
            return true;
        }

        return !TryGet(name, JsonValueKind.False, out _) && Fail(name, "true or false", absent);
    }

    /// <summary>A <c>tradeDate</c> object <c>{"year","month","day"}</c> that may be absent or null.</summary>
    public DateOnly? OptionalTradeDate(string name)
    {
        if (IsAbsent(name))
        {
            return null;
        }

        if (TryGet(name, JsonValueKind.Object, out var value)
            && Part(value, "year") is { } year && Part(value, "month") is { } month && Part(value, "day") is { } day
            && year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return Fail(name, "a {\"year\",\"month\",\"day\"} date", (DateOnly?)null);
    }

    private static int? Part(JsonElement date, string name) =>
        date.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Number && part.TryGetInt32(out var number)
            ? number
            : null;

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

    private bool IsAbsent(string name) =>
        !_isObject || !entity.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

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
