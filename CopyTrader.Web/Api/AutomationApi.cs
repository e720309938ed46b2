using System.Text.Json.Serialization;
using CopyTrader.Web.Api.Endpoints;
using CopyTrader.Web.Api.Errors;
using CopyTrader.Web.Api.OpenApi;
using CopyTrader.Web.Api.Security;

namespace CopyTrader.Web.Api;

/// <summary>
/// The automation API under /api/v1: minimal endpoints, one file per resource, each a thin call to the
/// Infrastructure services. Every endpoint and the OpenAPI document require <see cref="ApiAuthentication.Policy"/>
/// (an API key or a signed-in browser). The document is not public: the app opens nothing but sign-in and health
/// to strangers, and whoever may call the API has a key to read its description with.
/// </summary>
public static class AutomationApi
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddAutomationApi(this IServiceCollection services)
    {
        services.AddApiAuthentication();
        services.AddSingleton<ApiVisibility>();
        services.AddSingleton<FollowerRuleEdits>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddApiDocument();
        return services;
    }

    /// <summary>Problem details for every error under /api, and no sign-in page for what no endpoint takes; goes before authentication.</summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<ApiErrorMiddleware>().UseMiddleware<ApiUnmatchedRequests>());

    public static IEndpointRouteBuilder MapAutomationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter<BrowserChangeGuard>()
            .AddEndpointFilter<JsonBodyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        StatusApi.Map(api);
        ConnectionsApi.Map(api);
        AccountsApi.Map(api);
        GroupsApi.Map(api);
        FollowersApi.Map(api);
        RiskLimitsApi.Map(api);
        SymbolRulesApi.Map(api);
        ContractMapsApi.Map(api);
        FlattenApi.Map(api);
        TradesApi.Map(api);
        CopyLogApi.Map(api);

        endpoints.MapOpenApi(ApiDocument.Path).RequireAuthorization(ApiAuthentication.Policy);
        return endpoints;
    }
}
