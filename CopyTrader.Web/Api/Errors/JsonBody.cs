using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CopyTrader.Web.Api.Errors;

/// <summary>A request body the API reads itself; <see cref="Problem"/> says what was wrong with it, if anything.</summary>
public interface IJsonBody
{
    IResult? Problem { get; }
}

/// <summary>
/// A JSON body of <typeparamref name="T"/>. Read here rather than by the framework so that bad input is answered
/// in words: not JSON → 400 with the parser's message; a missing required field or a value of the wrong type →
/// 400 with that field's error. <see cref="JsonBodyFilter"/> returns the problem before the endpoint runs.
/// Members declared <c>required</c> must be present; a required nullable one must be sent, as null if need be,
/// so that leaving a field out never silently means "none" (no cap, no override).
/// </summary>
public sealed class JsonBody<T> : IJsonBody where T : class
{
    private readonly T? _value;

    private JsonBody(T? value, IResult? problem) => (_value, Problem) = (value, problem);

    public IResult? Problem { get; }

    public T Value => _value ?? throw new InvalidOperationException($"The body was not read: {Problem}");

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Failed(ApiProblems.UnsupportedMediaType("Send the body as JSON with Content-Type: application/json."));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Failed(ApiProblems.BadRequest($"The body is not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failed(ApiProblems.BadRequest($"The body must be a JSON object (got {document.RootElement.ValueKind})."));
            }

            var missing = MissingRequired(document.RootElement, options.GetTypeInfo(typeof(T)), options);
            if (missing.Any)
            {
                return Failed(ApiProblems.Validation(missing.ToDictionary()));
            }

            try
            {
                return new JsonBody<T>(document.RootElement.Deserialize<T>(options), null);
            }
            catch (JsonException ex)
            {
                return Failed(ApiProblems.Validation(new FieldErrors().Add(FieldOf(ex.Path), WrongType(ex.Message)).ToDictionary()));
            }
        }
    }

    private static JsonBody<T> Failed(IResult problem) => new(null, problem);

    private static FieldErrors MissingRequired(JsonElement body, JsonTypeInfo type, JsonSerializerOptions options)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var present = body.EnumerateObject().Select(p => p.Name).ToList();
        var errors = new FieldErrors();
        foreach (var property in type.Properties.Where(p => p.IsRequired && !present.Any(n => string.Equals(n, p.Name, comparison))))
        {
            errors.Add(property.Name, property.IsSetNullable ? "Required: send null explicitly for none." : "Required.");
        }

        return errors;
    }

    /// <summary>"$.symbolMultipliers.NQ" → "symbolMultipliers.NQ"; the whole body when the parser names no path.</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>The parser's sentence without its position suffix ("... Path: $.x | LineNumber: 0 | ...").</summary>
    private static string WrongType(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>Answers with a body's problem before the endpoint runs.</summary>
internal sealed class JsonBodyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<IJsonBody>().Select(b => b.Problem).FirstOrDefault(p => p is not null) ?? await next(context);
}
