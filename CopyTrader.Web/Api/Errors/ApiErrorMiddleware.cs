using CopyTrader.Domain;

namespace CopyTrader.Web.Api.Errors;

/// <summary>
/// Under /api, every error is problem details: a rule's refusal thrown by a service is a 422 with its words, an
/// unexpected exception a 500 with its type and message (and a log entry), and an error status that nothing
/// described (a query value that is not a number) gets a problem body naming the status.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CopyTraderDomainException ex) when (!context.Response.HasStarted)
        {
            await ApiProblems.Refused(ex.Message).ExecuteAsync(context);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "API {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await ApiProblems.Unexpected($"{ex.GetType().Name}: {ex.Message}").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null or 0)
        {
            await Describe(context).ExecuteAsync(context);
        }
    }

    private static IResult Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status400BadRequest => ApiProblems.BadRequest("A route, query or header value could not be read: check that numbers are numbers and required values are present."),
        StatusCodes.Status404NotFound => ApiProblems.NotFound($"No API endpoint answers {context.Request.Method} {context.Request.Path}; the endpoints are listed in /openapi/v1.json."),
        StatusCodes.Status415UnsupportedMediaType => ApiProblems.UnsupportedMediaType("Send the body as JSON with Content-Type: application/json."),
        var status => TypedResults.Problem(statusCode: status),
    };
}
