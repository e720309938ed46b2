using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Antiforgery;

namespace CopyTrader.Web.Api.Security;

/// <summary>
/// A change asked with the sign-in cookie (not a key) must carry the antiforgery token, so another site open in
/// the same browser cannot flatten or trade through the user's session. Reads need none; scripts use a key.
/// </summary>
internal sealed class BrowserChangeGuard(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (changes && !http.CameWithApiKey() && !await antiforgery.IsRequestValidAsync(http))
        {
            return ApiProblems.Forbidden(
                $"A change from a signed-in browser needs the antiforgery token in the RequestVerificationToken header; scripts send an {ApiAuthentication.HeaderName} instead.");
        }

        return await next(context);
    }
}
