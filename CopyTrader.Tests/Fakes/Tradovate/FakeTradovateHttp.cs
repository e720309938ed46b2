using System.Text;
using CopyTrader.Tests.Fakes.Tradovate.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// The HTTP side of <c>/v1</c> beyond auth: a middleware that records every call and applies the REST fault knobs
/// (429, stall, p-ticket, delay) to auth and trading endpoints alike, and the trading API behind a Bearer check (401).
/// </summary>
internal sealed class FakeTradovateHttp(
    FakeTradovateRequestLog log, FakeTradovateFaults faults, FakeTradovateAccess access, FakeTradovateApi api, TimeProvider time)
{
    private const string Prefix = "/v1/";

    public void Map(WebApplication app)
    {
        app.Use(FaultsAsync);
        app.Map(Prefix + "{**endpoint}", (RequestDelegate)ApiAsync);
    }

    private async Task FaultsAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path == FakeTradovateServer.Path)
        {
            await next(context);
            return;
        }

        var endpoint = path[Prefix.Length..];
        var body = await ReadBodyAsync(context.Request);
        log.Add(new FakeTradovateRequest(
            time.GetUtcNow(), context.Request.Method, endpoint, context.Request.QueryString.Value?.TrimStart('?') ?? "", Bearer(context.Request), body));
        if (faults.TakeRestRateLimit())
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests; // empty body [C]
            return;
        }

        await faults.WaitIfRestStalledAsync(endpoint, context.RequestAborted);
        if (faults.Penalties.Check(endpoint, body) is { } penalty)
        {
            await WriteAsync(context, FakeApiAnswer.Ok(penalty.ToJsonString()));
            return;
        }

        var delay = faults.DelayOf(endpoint);
        if (delay <= TimeSpan.Zero)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        await Task.Delay(delay, time, context.RequestAborted);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ApiAsync(HttpContext context)
    {
        if (access.Resolve(Bearer(context.Request)) is not { } grant)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized; // missing, unknown or expired token [C]
            return;
        }

        var endpoint = (string)context.Request.RouteValues["endpoint"]!;
        var query = FakeApiCall.ParseQuery(context.Request.QueryString.Value?.TrimStart('?') ?? "");
        var body = await ReadBodyAsync(context.Request);
        await WriteAsync(context, api.Answer(new FakeApiCall(endpoint, query, body, grant)));
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body;
    }

    private static async Task WriteAsync(HttpContext context, FakeApiAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.Json is null ? "text/plain; charset=utf-8" : "application/json";
        await context.Response.WriteAsync(answer.Json ?? answer.ErrorText ?? "", context.RequestAborted);
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }
}
