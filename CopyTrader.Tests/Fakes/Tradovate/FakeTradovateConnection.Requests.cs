using System.Globalization;
using System.Text.Json;
using CopyTrader.Tests.Fakes.Tradovate.Api;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// How the fake answers client frames (protocol file 1.5, 1.6): <c>[]</c>, <c>authorize</c>, <c>user/syncrequest</c>,
/// and any other endpoint through the same trading API as REST, with the socket's grant.
/// </summary>
public sealed partial class FakeTradovateConnection
{
    private FakeTradovateGrant? _grant;

    private void OnClientFrame(string text)
    {
        var now = _time.GetUtcNow();
        Interlocked.Exchange(ref _lastClientFrame, _time.GetTimestamp());
        lock (_gate)
        {
            _frames.Add(new FakeTradovateReceivedFrame(now, text, !_openSent));
            if (!_openSent)
            {
                _violations.Add($"frame before o: {Excerpt(text)}");
                return; // recorded, not answered
            }

            if (text == "[]")
            {
                _heartbeats.Add(now);
                return;
            }
        }

        var parts = text.Split('\n', 4);
        if (parts.Length < 4 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Violation($"not endpoint\\nid\\nquery\\nbody: {Excerpt(text)}");
            return;
        }

        _backend.Log.Add(new FakeTradovateRequest(now, "WS", parts[0], parts[2], _grant?.Token, parts[3]));
        if (Answer(parts[0], id, parts[2], parts[3]) is { } reply)
        {
            Enqueue($"a[{reply}]");
        }
    }

    /// <summary>The reply message, or null when the reply was queued already (a sync snapshot).</summary>
    private string? Answer(string endpoint, long id, string query, string body)
    {
        if (_backend.Faults.TakeSocketRateLimit())
        {
            return $$"""{"s":429,"i":{{id}}}""";
        }

        if (endpoint == "authorize")
        {
            if (IsAuthorized)
            {
                Violation("second authorize");
            }

            _grant = _backend.Access.Resolve(body);
            IsAuthorized = _grant is not null;
            return IsAuthorized ? Ok(id) : Error(id, 401, "Invalid access token");
        }

        if (_grant is not { } grant)
        {
            Violation($"{endpoint} before authorize");
            return Error(id, 401, "Access is denied"); // error text [U]
        }

        if (_backend.Faults.Penalties.Check(endpoint, body) is { } penalty)
        {
            return $$"""{"s":200,"i":{{id}},"d":{{penalty.ToJsonString()}}}""";
        }

        if (endpoint == "user/syncrequest")
        {
            return Sync(id, body, grant);
        }

        var answer = _backend.Api.Answer(new FakeApiCall(endpoint, FakeApiCall.ParseQuery(query), body, grant));
        return answer.Json is { } json ? $$"""{"s":{{answer.Status}},"i":{{id}},"d":{{json}}}""" : Error(id, answer.Status, answer.ErrorText ?? "");
    }

    private static string Ok(long id) => $$"""{"s":200,"i":{{id}}}""";

    private static string Error(long id, int status, string text) =>
        $$"""{"i":{{id}},"s":{{status}},"d":{{JsonSerializer.Serialize(text)}}}""";

    private void Violation(string text)
    {
        lock (_gate)
        {
            _violations.Add(text);
        }
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80];
}
