using CopyTrader.Web.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CopyTrader.Web.Api.Errors;

/// <summary>
/// A request under /api that no API endpoint takes (an unknown path, or a method the path does not take) would
/// otherwise fall to the app's fallback policy and be sent to the sign-in page. Here it is judged like an API
/// call: 401 without a valid key or sign-in, else a 404 problem.
/// </summary>
internal sealed class ApiUnmatchedRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            await next(context);
            return;
        }

        if (!(await context.AuthenticateAsync(ApiAuthentication.Scheme)).Succeeded)
        {
            await context.ChallengeAsync(ApiAuthentication.Scheme);
            return;
        }

        await ApiProblems.NotFound($"No API endpoint answers {context.Request.Method} {context.Request.Path}; the endpoints are listed in /openapi/v1.json.").ExecuteAsync(context);
    }
}
