namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// Client frames (protocol file 1.5): four newline-separated fields <c>endpoint\nid\nquery\nbody</c>, empty
/// fields keeping their newline; <c>authorize</c> carries the raw access token as its body, not JSON.
/// </summary>
public static class TradovateRequest
{
    /// <summary>The client heartbeat, sent about every 2.5 s.</summary>
    public const string Heartbeat = "[]";

    public const string AuthorizeEndpoint = "authorize";

    /// <summary><c>authorize\n0\n\n&lt;token&gt;</c>: the first frame after the server's <c>o</c>.</summary>
    public static string Authorize(string accessToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        RejectNewline(accessToken, nameof(accessToken));
        return Build(AuthorizeEndpoint, TradovateRequestIds.Authorize, null, accessToken);
    }

    /// <summary>A request such as <c>user/syncrequest\n1\n\n{"users":[7]}</c>; <paramref name="body"/> is JSON text.</summary>
    public static string Build(string endpoint, long id, string? query = null, string? body = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (endpoint[0] == '/')
        {
            throw new ArgumentException("A Tradovate WebSocket endpoint has no leading '/'.", nameof(endpoint));
        }

        RejectNewline(endpoint, nameof(endpoint));
        RejectNewline(query, nameof(query));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{endpoint}\n{id}\n{query}\n{body}");
    }

    private static void RejectNewline(string? value, string name)
    {
        if (value is not null && value.Contains('\n'))
        {
            throw new ArgumentException("This request field cannot contain a newline.", name);
        }
    }
}
