using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Optional fields beside <see cref="TradovateEntityFields"/>, and the step from JSON to a result or a Malformed error.</summary>
internal static class TradovateJsonRead
{
    public static long? OptionalId(JsonElement entity, string name) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id)
            ? id
            : null;

    public static string? OptionalString(JsonElement entity, string name) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    public static bool? OptionalBool(JsonElement entity, string name) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    public static TradovateResult<T> Malformed<T>(string target, string problem, JsonElement body) =>
        TradovateResult<T>.Fail(new TradovateError(
            TradovateErrorKind.Malformed, target, $"{problem}: {TradovateResponseReader.Excerpt(body.GetRawText())}") { HttpStatus = 200 });

    /// <summary>Maps every element of a JSON array; the first element that does not map fails the whole read.</summary>
    public static TradovateResult<IReadOnlyList<T>> Array<T>(string target, JsonElement body, Func<JsonElement, (T? Value, string? Problem)> map)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return Malformed<IReadOnlyList<T>>(target, $"expected a JSON array, got {body.ValueKind}", body);
        }

        var items = new List<T>(body.GetArrayLength());
        foreach (var element in body.EnumerateArray())
        {
            var (value, problem) = map(element);
            if (problem is not null || value is null)
            {
                return Malformed<IReadOnlyList<T>>(target, problem ?? "unreadable element", element);
            }

            items.Add(value);
        }

        return TradovateResult<IReadOnlyList<T>>.Ok(items);
    }

    /// <summary>One entity; JSON <c>null</c> (how some find/item answers say "none") counts as not found [U].</summary>
    public static TradovateResult<T> Entity<T>(string target, JsonElement body, Func<JsonElement, (T? Value, string? Problem)> map)
    {
        if (body.ValueKind == JsonValueKind.Null)
        {
            return TradovateResult<T>.Fail(new TradovateError(TradovateErrorKind.NotFound, target, $"not found (HTTP 200 with null): {target}") { HttpStatus = 200 });
        }

        var (value, problem) = map(body);
        return problem is null && value is not null ? TradovateResult<T>.Ok(value) : Malformed<T>(target, problem ?? "unreadable entity", body);
    }
}
