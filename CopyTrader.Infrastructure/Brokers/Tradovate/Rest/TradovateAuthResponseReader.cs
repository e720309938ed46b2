using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// Turns the status and body of an auth call into a <see cref="TradovateAuthResult"/> (protocol file 1.2-1.4).
/// A 200 is only <see cref="TradovateAuthResult.Granted"/> when it carries a token and no <c>errorText</c>.
/// </summary>
internal static class TradovateAuthResponseReader
{
    private const int ExcerptLength = 200;

    public static TradovateAuthResult Read(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            return new TradovateAuthResult.Failed($"HTTP {(int)status} {status}: {Excerpt(body)}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return new TradovateAuthResult.Failed($"HTTP 200 with malformed JSON ({ex.Message}): {Excerpt(body)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new TradovateAuthResult.Failed($"HTTP 200 with a JSON {root.ValueKind}, not an object: {Excerpt(body)}");
            }

            return ReadObject(root);
        }
    }

    private static TradovateAuthResult ReadObject(JsonElement root)
    {
        if (root.TryGetProperty("p-ticket", out var ticket))
        {
            return ReadPenalty(root, ticket);
        }

        if (root.TryGetProperty("errorText", out var errorText) && errorText.ValueKind == JsonValueKind.String
            && errorText.GetString() is { Length: > 0 } text)
        {
            return new TradovateAuthResult.Refused(text);
        }

        return ReadToken(root);
    }

    private static TradovateAuthResult ReadPenalty(JsonElement root, JsonElement ticket)
    {
        if (ticket.ValueKind != JsonValueKind.String || ticket.GetString() is not { Length: > 0 } value)
        {
            return new TradovateAuthResult.Failed("HTTP 200 with a p-ticket that is not a non-empty string");
        }

        if (!root.TryGetProperty("p-time", out var time) || time.ValueKind != JsonValueKind.Number
            || !time.TryGetDouble(out var seconds) || seconds < 0)
        {
            return new TradovateAuthResult.Failed("HTTP 200 with a p-ticket but no non-negative numeric p-time");
        }

        var captcha = root.TryGetProperty("p-captcha", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new TradovateAuthResult.Penalty(value, TimeSpan.FromSeconds(seconds), captcha);
    }

    private static TradovateAuthResult ReadToken(JsonElement root)
    {
        // The body may hold a token, so failures below name the fields, never the body.
        if (!TryGetString(root, "accessToken", out var accessToken))
        {
            return new TradovateAuthResult.Failed($"HTTP 200 without accessToken, errorText or p-ticket (fields: {FieldNames(root)})");
        }

        if (!TryGetString(root, "expirationTime", out var expiration)
            || !DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expirationTime))
        {
            return new TradovateAuthResult.Failed("HTTP 200 with accessToken but no parseable expirationTime");
        }

        if (!root.TryGetProperty("userId", out var userId) || !userId.TryGetInt64(out var id))
        {
            return new TradovateAuthResult.Failed("HTTP 200 with accessToken but no numeric userId");
        }

        var mdAccessToken = TryGetString(root, "mdAccessToken", out var md) ? md : null;
        var name = TryGetString(root, "name", out var n) ? n : null;
        return new TradovateAuthResult.Granted(
            new TradovateToken(accessToken, mdAccessToken, expirationTime.ToUniversalTime(), id, name));
    }

    private static bool TryGetString(JsonElement root, string property, out string value)
    {
        value = root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString() ?? ""
            : "";
        return value.Length > 0;
    }

    private static string FieldNames(JsonElement root) =>
        string.Join(",", root.EnumerateObject().Select(p => p.Name).Take(20));

    private static string Excerpt(string body) =>
        body.Length == 0 ? "(empty body)"
        : body.Length <= ExcerptLength ? body
        : body[..ExcerptLength] + "...";
}
