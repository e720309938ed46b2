using System.Reflection;
using System.Security.Claims;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class StatusApi
{
    private static readonly string Version =
        typeof(StatusApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(StatusApi).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/status", GetAsync).WithTags("Status").WithName("GetStatus")
            .WithSummary("The copier at a glance: version, each connection's live state, the number of accounts, the last copy.");

    private static async Task<Ok<StatusDto>> GetAsync(ApiVisibility visibility, ClaimsPrincipal user, ILeaderMonitorHub hub, ICopyLogQuery log, CancellationToken ct)
    {
        var scope = visibility.For(user);
        var last = (await log.PageAsync(scope.Restrict(CopyLogFilter.All), 0, 1, ct)).Items.FirstOrDefault();
        return TypedResults.Ok(new StatusDto(
            Version,
            scope.Config.Connections.Select(c => ConnectionStatusMapping.Of(c, scope, hub)).ToList(),
            scope.Accounts.Count,
            last is null ? null : CopyLogDto.Of(last)));
    }
}
