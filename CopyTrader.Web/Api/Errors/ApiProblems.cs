using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Errors;

/// <summary>
/// The API's RFC 7807 answers. Status codes: 400 a field or the body is wrong (field errors under
/// <c>errors</c>); 401 no or a bad key; 403 not allowed; 404 no such thing (or not yours); 422 the request is
/// understood but the trading rules, or the broker, refused it (the reason is in <c>detail</c>).
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The request could not be read", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Not signed in", detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON", detail);

    /// <summary>Refused by the trading rules (a copy loop, a duplicate follower, a broker rejection); the message is the reason.</summary>
    public static ProblemHttpResult Refused(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused", extensions: extensions);

    public static ProblemHttpResult Unexpected(string detail) => Problem(StatusCodes.Status500InternalServerError, "Unexpected error", detail);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Some fields are not valid");

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
