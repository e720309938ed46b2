using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CopyTrader.Tests.Fakes.Tradovate;

public sealed partial class FakeTradovateRest
{
    private static readonly string[] RequiredFields = ["name", "password", "appId", "appVersion", "cid", "sec"];

    private async Task<bool> AnsweredByKnobAsync(HttpContext context)
    {
        if (RateLimited)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests; // empty body, no p-ticket [C]
            return true;
        }

        if (MalformedJson)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"accessToken\":\"tok", context.RequestAborted);
            return true;
        }

        return false;
    }

    private string NewToken(FakeTradovateLogin login)
    {
        var token = $"fake-rest-token-{Interlocked.Increment(ref _issued)}";
        Locked(() =>
        {
            _tokens[token] = options.TimeProvider.GetUtcNow() + options.TokenLifetime;
            _tokenLogins[token] = login;
        });
        return token;
    }

    private JsonObject Grant(string token)
    {
        var expiration = ExpirationOf(token)!.Value;
        var login = Locked(() => _tokenLogins[token]);
        return new JsonObject
        {
            ["accessToken"] = token,
            ["mdAccessToken"] = "md-" + token,
            ["expirationTime"] = expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["passwordExpirationTime"] = expiration.AddDays(90).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["userStatus"] = "Active",
            ["userId"] = login.UserId,
            ["name"] = login.Name,
            ["hasLive"] = false,
        };
    }

    private FakeTradovateLogin? LoginOf(JsonObject request)
    {
        if (request["name"]?.GetValueKind() != JsonValueKind.String || request["password"]?.GetValueKind() != JsonValueKind.String
            || request["sec"]?.GetValueKind() != JsonValueKind.String || (string?)request["sec"] != options.Sec
            || request["cid"]?.ToString() != options.Cid.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var (name, password) = ((string?)request["name"], (string?)request["password"]);
        return Locked(() => _logins.FirstOrDefault(l => l.Name == name && l.Password == password));
    }

    private void CheckTokenRequest(HttpRequest request, string body)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            Violate("accesstokenrequest carried an Authorization header");
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            Violate($"accesstokenrequest Content-Type {request.ContentType}");
        }

        if (TryParseObject(body) is not { } json)
        {
            Violate("accesstokenrequest body is not a JSON object");
            return;
        }

        foreach (var field in RequiredFields.Where(f => !json.ContainsKey(f)))
        {
            Violate($"accesstokenrequest without {field}");
        }
    }

    private static JsonObject? TryParseObject(string body)
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

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK; // business errors and penalties are 200 too [C]
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private void Violate(string violation) => Locked(() => _violations.Add(violation));

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}
