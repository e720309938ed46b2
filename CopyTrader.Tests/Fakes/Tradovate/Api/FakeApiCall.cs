namespace CopyTrader.Tests.Fakes.Tradovate.Api;

/// <summary>One trading-API call, from HTTP or the socket: endpoint without <c>/v1/</c>, query fields, body, and who calls.</summary>
internal sealed record FakeApiCall(string Endpoint, IReadOnlyDictionary<string, string> Query, string Body, FakeTradovateGrant Grant)
{
    /// <summary>Parses <c>k=v&amp;k2=v2</c> (the socket's query field, or an HTTP query string without '?').</summary>
    public static IReadOnlyDictionary<string, string> ParseQuery(string query) => query
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .GroupBy(kv => Uri.UnescapeDataString(kv[0]), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.Last().ElementAtOrDefault(1) ?? ""), StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The answer: <see cref="Status"/> 200 with <see cref="Json"/> (results, failureReason, violations, p-tickets), or
/// an HTTP-like error status with a short <see cref="ErrorText"/> (the socket's string <c>d</c>, the HTTP text body).
/// </summary>
internal sealed record FakeApiAnswer(int Status, string? Json, string? ErrorText)
{
    public static FakeApiAnswer Ok(string json) => new(200, json, null);

    public static FakeApiAnswer Error(int status, string text) => new(status, null, text);
}

/// <summary>Thrown while answering a call to end it with an HTTP-like error status.</summary>
internal sealed class FakeApiException(int status, string text) : Exception(text)
{
    public int Status { get; } = status;
}
