using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CopyTrader.Web.Api.Security;

/// <summary>
/// Resolves an <c>X-Api-Key</c> to its user, with the claims and roles a cookie sign-in of that user would carry,
/// so the API obeys the same authorization rules as the UI. Unknown, revoked, or a user locked out: 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiKeyService keys,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string Unknown = "The API key is unknown or has been revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiAuthentication.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.Fail($"Send exactly one key in the {ApiAuthentication.HeaderName} header.");
        }

        var holder = await keys.FindActiveAsync(values[0]!.Trim(), Context.RequestAborted);
        if (holder is null)
        {
            Logger.LogWarning("API request refused: unknown or revoked key");
            return AuthenticateResult.Fail(Unknown);
        }

        var user = await users.FindByIdAsync(holder.OwnerUserId);
        if (user is null)
        {
            return AuthenticateResult.Fail(Unknown);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The key's user is locked out; an admin must unlock the user first.");
        }

        var signedIn = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(signedIn.Claims, Scheme.Name, ClaimsIdentity.DefaultNameClaimType, ClaimsIdentity.DefaultRoleClaimType);
        identity.AddClaim(new Claim(ApiAuthentication.KeyIdClaim, holder.KeyId.ToString(CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = $"{ApiAuthentication.ApiKeyScheme} header=\"{ApiAuthentication.HeaderName}\"";
        await ApiProblems.Unauthorized(failure
            ?? $"Send an API key in the {ApiAuthentication.HeaderName} header (create one under Settings → API keys), or sign in.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Forbidden("You are signed in, but your role does not allow this.").ExecuteAsync(Context);
}
