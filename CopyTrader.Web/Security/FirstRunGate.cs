namespace CopyTrader.Web.Security;

/// <summary>Until the first admin exists, every page leads to the setup page (there is no default password).</summary>
public sealed class FirstRunGate(RequestDelegate next, FirstRunState state)
{
    public const string SetupPath = "/account/setup";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/api") // no user, so no key: the API answers 401 itself, never a setup page
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            || Path.HasExtension(path.Value);
        if (!exempt && !await state.HasUsersAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }
}
