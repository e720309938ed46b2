using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// <c>POST /v1/auth/accesstokenrequest</c> and <c>GET /v1/auth/renewaccesstoken</c> (protocol file 1.2-1.4) on the
/// fake's Kestrel app. Knobs (settable at any time): <see cref="Penalty"/>, <see cref="RateLimited"/>,
/// <see cref="MalformedJson"/>. Every request body, bearer and protocol violation is recorded.
/// </summary>
public sealed partial class FakeTradovateRest(FakeTradovateRestOptions options)
{
    public const string WrongCredentialsText =
        "Incorrect username or password. Please try again, noting that passwords are case-sensitive.";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = [];
    private readonly Dictionary<string, FakeTradovateLogin> _tokenLogins = [];
    private readonly List<FakeTradovateLogin> _logins = [new(options.Name, options.Password, options.UserId)];
    private readonly List<string> _tokenRequestBodies = [];
    private readonly List<string?> _renewBearers = [];
    private readonly List<string> _violations = [];
    private int _issued;

    /// <summary>When set, token requests get this penalty until one carries its ticket; that one clears it.</summary>
    public FakeTradovatePenalty? Penalty { get; set; }

    /// <summary>When true both endpoints answer 429 with an empty body (user-level limit) [C].</summary>
    public bool RateLimited { get; set; }

    /// <summary>When true both endpoints answer 200 with a truncated JSON body.</summary>
    public bool MalformedJson { get; set; }

    public FakeTradovateRestOptions Options => options;

    public IReadOnlyList<string> TokenRequestBodies => Locked(() => _tokenRequestBodies.ToArray());

    public IReadOnlyList<string?> RenewBearers => Locked(() => _renewBearers.ToArray());

    public IReadOnlyList<string> Violations => Locked(() => _violations.ToArray());

    /// <summary>The expiry the fake holds for <paramref name="accessToken"/>, null when it never issued it.</summary>
    public DateTimeOffset? ExpirationOf(string accessToken) =>
        Locked(() => _tokens.TryGetValue(accessToken, out var at) ? at : (DateTimeOffset?)null);

    /// <summary>Tokens issued so far (renewed ones included), in no particular order.</summary>
    public IReadOnlyList<string> IssuedTokens => Locked(() => _tokens.Keys.ToArray());

    /// <summary>Another name/password the token endpoint accepts (same cid/sec), acting as <paramref name="userId"/>.</summary>
    public void AddLogin(string name, string password, long userId) => Locked(() => _logins.Add(new FakeTradovateLogin(name, password, userId)));

    /// <summary>Makes a token expire now: REST answers 401 to it and <c>authorize</c> refuses it; open sockets stay open [C].</summary>
    public void ExpireToken(string accessToken) => Locked(() =>
    {
        if (_tokens.ContainsKey(accessToken))
        {
            _tokens[accessToken] = options.TimeProvider.GetUtcNow();
        }
    });

    public void ExpireAllTokens() => Locked(() =>
    {
        foreach (var token in _tokens.Keys.ToArray())
        {
            _tokens[token] = options.TimeProvider.GetUtcNow();
        }
    });

    /// <summary>The user an issued, unexpired token acts for; null otherwise.</summary>
    public long? UserOfToken(string accessToken) => Locked(() =>
        _tokens.TryGetValue(accessToken, out var expiry) && expiry > options.TimeProvider.GetUtcNow() ? _tokenLogins[accessToken].UserId : (long?)null);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/auth/accesstokenrequest", (RequestDelegate)AccessTokenRequestAsync);
        app.MapGet("/v1/auth/renewaccesstoken", (RequestDelegate)RenewAsync);
    }

    private async Task AccessTokenRequestAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        Locked(() => _tokenRequestBodies.Add(body));
        CheckTokenRequest(context.Request, body);
        if (await AnsweredByKnobAsync(context))
        {
            return;
        }

        var request = TryParseObject(body);
        var ticket = request?["p-ticket"]?.GetValueKind() == JsonValueKind.String ? (string?)request["p-ticket"] : null;
        if (Penalty is { } penalty)
        {
            if (ticket != penalty.Ticket)
            {
                await WriteJsonAsync(context, penalty.ToJson());
                return;
            }

            Penalty = null;
        }

        if (request is null || LoginOf(request) is not { } login)
        {
            await WriteJsonAsync(context, new JsonObject { ["errorText"] = WrongCredentialsText });
            return;
        }

        await WriteJsonAsync(context, Grant(NewToken(login)));
    }

    private async Task RenewAsync(HttpContext context)
    {
        var bearer = Bearer(context.Request);
        Locked(() => _renewBearers.Add(bearer));
        if (await AnsweredByKnobAsync(context))
        {
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        var expiration = bearer is null ? null : ExpirationOf(bearer);
        if (bearer is null || expiration is null || expiration <= now)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized; // expired or unknown token [C]
            return;
        }

        var token = options.RenewIssuesNewToken ? NewToken(Locked(() => _tokenLogins[bearer])) : bearer;
        Locked(() => _tokens[token] = now + options.TokenLifetime);
        await WriteJsonAsync(context, Grant(token));
    }
}
