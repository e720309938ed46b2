using Microsoft.AspNetCore.Http.Metadata;

namespace CopyTrader.Web.Api.Errors;

public static class JsonBodyMetadata
{
    /// <summary>
    /// Documents a <see cref="JsonBody{T}"/> endpoint: its request body and the 400 / 415 answers a bad body gets.
    /// No content types are declared on purpose: declared ones make routing turn other content away before the
    /// endpoint runs, and <see cref="JsonBody{T}"/> answers that itself, in words.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint) where T : class =>
        endpoint.WithMetadata(new JsonRequest(typeof(T))).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private sealed record JsonRequest(Type RequestType) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes => [];

        public bool IsOptional => false;
    }
}
