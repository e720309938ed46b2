using CopyTrader.Web.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CopyTrader.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: the /api/v1 endpoints only, with the X-Api-Key scheme required
/// by every operation. The document itself needs a key or a sign-in like the API (see <see cref="AutomationApi"/>).
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CopyTrader automation API",
                    Version = Name,
                    Description = $"Send an API key (Settings → API keys) in the {ApiAuthentication.HeaderName} header. Errors are RFC 7807 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiAuthentication.ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiAuthentication.HeaderName,
                    Description = "A key created on the API keys settings page; it acts as its user.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuthentication.ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
