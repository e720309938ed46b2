using System.Globalization;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// One REST call: <see cref="Path"/> is relative to the REST base without a leading slash (<c>order/placeorder</c>),
/// <see cref="Query"/> is already encoded (<c>masterid=7</c>) or empty. GET carries the query, POST the JSON body (protocol file 1.1).
/// </summary>
public sealed record TradovateRestRequest(HttpMethod Method, string Path, string Query, TradovateJsonBody? Body)
{
    public TradovateRequestPriority Priority { get; init; } = TradovateRequestPriority.Normal;

    /// <summary>How long one exchange may take; null = <see cref="TradovateTradingOptions.RequestTimeoutSeconds"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The path and query, as errors and logs name the call.</summary>
    public string Target => Query.Length == 0 ? Path : $"{Path}?{Query}";

    public static TradovateRestRequest Get(string path, params (string Name, object Value)[] query) =>
        new(HttpMethod.Get, path, Encode(query), null);

    public static TradovateRestRequest Post(string path, TradovateJsonBody body) =>
        new(HttpMethod.Post, path, "", body ?? throw new ArgumentNullException(nameof(body)));

    private static string Encode((string Name, object Value)[] query) =>
        string.Join("&", query.Select(q =>
            $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(Convert.ToString(q.Value, CultureInfo.InvariantCulture) ?? "")}"));
}
