using System.Globalization;
using System.Text.Json;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>How the fake answers client frames: <c>[]</c>, <c>authorize</c>, <c>user/syncrequest</c> (protocol file 1.5, 1.6).</summary>
public sealed partial class FakeTradovateConnection
{
    private async Task OnClientFrameAsync(string text, CancellationToken ct)
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

        var reply = Answer(parts[0], id, parts[3]);
        await SendAsync($"a[{reply}]", ct);
    }

    private string Answer(string endpoint, long id, string body)
    {
        if (endpoint == "authorize")
        {
            if (IsAuthorized)
            {
                Violation("second authorize");
            }

            IsAuthorized = _options.ValidTokens.Contains(body);
            return IsAuthorized ? Ok(id) : Error(id, 401, "Invalid access token");
        }

        if (!IsAuthorized)
        {
            Violation($"{endpoint} before authorize");
            return Error(id, 401, "Access is denied"); // error text [U]
        }

        if (endpoint != "user/syncrequest")
        {
            return Error(id, 404, $"Unknown endpoint {endpoint}"); // error text [U]
        }

        lock (_gate)
        {
            _syncBodies.Add(body);
            if (_syncBodies.Count > 1)
            {
                _violations.Add($"user/syncrequest number {_syncBodies.Count} on one socket");
            }
        }

        return $$"""{"s":200,"i":{{id}},"d":{{_options.SnapshotJson}}}""";
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
