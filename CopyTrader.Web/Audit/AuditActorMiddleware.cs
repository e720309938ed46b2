using CopyTrader.Infrastructure.Audit;
using CopyTrader.Web.Api.Security;

namespace CopyTrader.Web.Audit;

/// <summary>
/// Makes the signed-in user the <see cref="CurrentActor"/> for the rest of the request, so the singleton services
/// record who asked. It runs after authorization: an API key is resolved there (the API's policy scheme), not by
/// the default authentication. Requests with a key, and anything under /api, act through the API channel.
/// </summary>
internal sealed class AuditActorMiddleware(RequestDelegate next, CurrentActor actors)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var channel = context.CameWithApiKey() || context.Request.Path.StartsWithSegments("/api") ? AuditChannel.Api : AuditChannel.Web;
        if (ActorFromUser.For(context.User, channel) is not { } actor)
        {
            await next(context);
            return;
        }

        using (actors.Begin(actor))
        {
            await next(context);
        }
    }
}
