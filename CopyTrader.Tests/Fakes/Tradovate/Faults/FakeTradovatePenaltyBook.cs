using System.Text.Json;
using System.Text.Json.Nodes;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// P-tickets per endpoint (protocol file 1.4): the next N calls are not executed and answer
/// <c>{"p-ticket","p-time"[,"p-captcha"]}</c>; a call carrying an issued ticket is recorded as a resend and executed,
/// unless it is early or the ticket has p-captcha, which answer the penalty again.
/// </summary>
internal sealed class FakeTradovatePenaltyBook(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Count, int Seconds, bool Captcha)> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Issued> _issued = [];
    private readonly List<FakeTradovatePenaltyResend> _resends = [];
    private int _tickets;

    public IReadOnlyList<FakeTradovatePenaltyResend> Resends
    {
        get
        {
            lock (_gate)
            {
                return _resends.ToArray();
            }
        }
    }

    public void PenalizeNext(string endpoint, int count, int seconds, bool captcha)
    {
        lock (_gate)
        {
            _pending[endpoint] = (count, seconds, captcha);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _issued.Clear();
        }
    }

    /// <summary>The penalty answer for this call, or null to execute it.</summary>
    public JsonObject? Check(string endpoint, string body)
    {
        var json = TryParse(body);
        var ticket = json?["p-ticket"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (ticket is not null && _issued.TryGetValue(ticket, out var issued)
                && string.Equals(issued.Endpoint, endpoint, StringComparison.OrdinalIgnoreCase))
            {
                return Resent(endpoint, ticket, issued, json!, now);
            }

            if (!_pending.TryGetValue(endpoint, out var pending) || pending.Count <= 0)
            {
                return null;
            }

            _pending[endpoint] = pending with { Count = pending.Count - 1 };
            var issuedTicket = $"p-ticket-{++_tickets}";
            _issued[issuedTicket] = new Issued(endpoint, body, now, pending.Seconds, pending.Captcha);
            return new FakeTradovatePenalty(issuedTicket, pending.Seconds, pending.Captcha).ToJson();
        }
    }

    private JsonObject? Resent(string endpoint, string ticket, Issued issued, JsonObject resent, DateTimeOffset now)
    {
        var withoutTicket = (JsonObject)resent.DeepClone();
        withoutTicket.Remove("p-ticket");
        var matched = TryParse(issued.Body) is { } original && JsonNode.DeepEquals(original, withoutTicket);
        var left = issued.At + TimeSpan.FromSeconds(issued.Seconds) - now;
        var early = left > TimeSpan.Zero;
        _resends.Add(new FakeTradovatePenaltyResend(endpoint, ticket, matched, early, issued.Captcha));
        if (issued.Captcha || early)
        {
            return new FakeTradovatePenalty(ticket, (int)Math.Ceiling(Math.Max(0, left.TotalSeconds)), issued.Captcha).ToJson();
        }

        _issued.Remove(ticket);
        return null;
    }

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Issued(string Endpoint, string Body, DateTimeOffset At, int Seconds, bool Captcha);
}
