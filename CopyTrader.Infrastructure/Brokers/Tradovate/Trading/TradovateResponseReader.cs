using System.Net;
using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// Classifies a status and body (protocol file 1.3, 1.4) [C]: business errors arrive as HTTP 200 with
/// <c>errorText</c>/<c>ok:false</c>, <c>failureReason</c>/<c>failureText</c> or <c>violations</c>; penalties as 200 with
/// <c>p-ticket</c>; 401, 404, 423 and 429 have their own meaning; anything else is the status with a body excerpt.
/// </summary>
internal static class TradovateResponseReader
{
    private const int ExcerptLength = 300;

    public static TradovateReply Read(string target, HttpStatusCode status, string body)
    {
        var code = (int)status;
        return code switch
        {
            401 => new TradovateReply.Unauthorized(body),
            404 => Fail(TradovateErrorKind.NotFound, target, code, $"not found (HTTP 404): {target}"),
            423 => Fail(TradovateErrorKind.LockoutImminent, target, code,
                $"Tradovate warns this login is about to be locked out (HTTP 423); slow down: {Excerpt(body)}"),
            429 => new TradovateReply.RateLimited(),
            >= 200 and < 300 => ReadJson(target, code, body),
            _ => Fail(TradovateErrorKind.HttpStatus, target, code, $"HTTP {code} {status}: {Excerpt(body)}"),
        };
    }

    public static string Excerpt(string body) =>
        body.Length == 0 ? "(empty body)"
        : body.Length <= ExcerptLength ? body
        : body[..ExcerptLength] + "...";

    private static TradovateReply ReadJson(string target, int code, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Fail(TradovateErrorKind.Malformed, target, code, $"HTTP {code} with an empty body, not JSON");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return ReadShape(target, code, document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            return Fail(TradovateErrorKind.Malformed, target, code, $"HTTP {code} with malformed JSON ({ex.Message}): {Excerpt(body)}");
        }
    }

    private static TradovateReply ReadShape(string target, int code, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new TradovateReply.Success(root);
        }

        if (root.TryGetProperty("p-ticket", out var ticket))
        {
            return ReadPenalty(target, code, root, ticket);
        }

        if (NonEmptyString(root, "errorText") is { } errorText)
        {
            return Fail(TradovateErrorKind.ErrorText, target, code, errorText);
        }

        if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
        {
            return Fail(TradovateErrorKind.ErrorText, target, code, $"ok:false without errorText: {Excerpt(root.GetRawText())}");
        }

        if (NonEmptyString(root, "failureReason") is { } reason && reason != "Success")
        {
            var text = NonEmptyString(root, "failureText");
            return new TradovateReply.Failure(new TradovateError(
                TradovateErrorKind.Rejected, target, text is null ? $"rejected: {reason}" : $"rejected: {reason}: {text}")
            {
                HttpStatus = code,
                FailureReason = reason,
                FailureText = text,
            });
        }

        if (root.TryGetProperty("violations", out var violations) && violations.ValueKind == JsonValueKind.Array
            && violations.GetArrayLength() > 0)
        {
            var descriptions = violations.EnumerateArray().Select(Describe).ToList();
            return new TradovateReply.Failure(new TradovateError(
                TradovateErrorKind.Violations, target, $"violations: {string.Join("; ", descriptions)}")
            {
                HttpStatus = code,
                Violations = descriptions,
            });
        }

        return new TradovateReply.Success(root);
    }

    private static TradovateReply ReadPenalty(string target, int code, JsonElement root, JsonElement ticket)
    {
        if (ticket.ValueKind != JsonValueKind.String || ticket.GetString() is not { Length: > 0 } value)
        {
            return Fail(TradovateErrorKind.Malformed, target, code, $"p-ticket that is not a non-empty string: {Excerpt(root.GetRawText())}");
        }

        if (!root.TryGetProperty("p-time", out var time) || time.ValueKind != JsonValueKind.Number
            || !time.TryGetDouble(out var seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return Fail(TradovateErrorKind.Malformed, target, code, $"p-ticket without a usable p-time: {Excerpt(root.GetRawText())}");
        }

        var captcha = root.TryGetProperty("p-captcha", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new TradovateReply.Penalty(value, TimeSpan.FromSeconds(seconds), captcha);
    }

    /// <summary>A violation's description; its constraint or raw JSON when it has none, so nothing is dropped.</summary>
    private static string Describe(JsonElement violation) =>
        violation.ValueKind == JsonValueKind.Object
            ? NonEmptyString(violation, "description") ?? NonEmptyString(violation, "constraint") ?? violation.GetRawText()
            : violation.ToString();

    private static string? NonEmptyString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static TradovateReply.Failure Fail(TradovateErrorKind kind, string target, int code, string message) =>
        new(new TradovateError(kind, target, message) { HttpStatus = code });
}
