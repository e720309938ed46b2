using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CopyTrader.Web.Api.Security;

/// <summary>
/// How the automation API knows its caller: an <c>X-Api-Key</c> header when the request carries one, else the
/// browser's sign-in cookie. A request with a key is judged by the key alone (a bad key never falls back to
/// the cookie). Refusals are always problem details, never a redirect to the sign-in page.
/// </summary>
public static class ApiAuthentication
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key's own scheme; also answers every challenge and refusal of <see cref="Scheme"/>.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The API's scheme: forwards to <see cref="ApiKeyScheme"/> or the Identity cookie.</summary>
    public const string Scheme = "Api";

    /// <summary>The authorization policy every /api and OpenAPI endpoint requires.</summary>
    public const string Policy = "Api";

    /// <summary>The id of the key a request came with.</summary>
    public const string KeyIdClaim = "copytrader:api-key-id";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, displayName: "API key", _ => { })
            .AddPolicyScheme(Scheme, "API key or sign-in cookie", o =>
            {
                o.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(HeaderName) ? ApiKeyScheme : IdentityConstants.ApplicationScheme;
                o.ForwardChallenge = ApiKeyScheme;
                o.ForwardForbid = ApiKeyScheme;
            });

        // The same rule as the UI (a signed-in user, roles as Identity gives them), reached by key or cookie.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static bool CameWithApiKey(this HttpContext context) => context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyScheme };
}
