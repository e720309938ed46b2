using System.Security.Claims;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class ConnectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var connections = api.MapGroup("/connections").WithTags("Connections");
        connections.MapGet("/", ListAsync).WithName("ListConnections").WithSummary("Saved broker connections with their accounts and live state; never credentials.");
        connections.MapGet("/{id:int}", GetAsync).WithName("GetConnection").WithSummary("One connection.").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<ConnectionDto>>> ListAsync(ApiVisibility visibility, ClaimsPrincipal user, IBrokerConnectionService service, ILeaderMonitorHub hub, CancellationToken ct)
    {
        var scope = visibility.For(user);
        return TypedResults.Ok((await service.ListAsync(ct)).Where(c => scope.SeesConnection(c.Id)).Select(c => Dto(c, hub)).ToList());
    }

    private static async Task<Results<Ok<ConnectionDto>, ProblemHttpResult>> GetAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, IBrokerConnectionService service, ILeaderMonitorHub hub, CancellationToken ct)
    {
        var scope = visibility.For(user);
        var connection = scope.SeesConnection(id) ? (await service.ListAsync(ct)).FirstOrDefault(c => c.Id == id) : null;
        return connection is null ? ApiProblems.NotFound(NotFoundText.Connection(id)) : TypedResults.Ok(Dto(connection, hub));
    }

    private static ConnectionDto Dto(ConnectionSummary connection, ILeaderMonitorHub hub) =>
        ConnectionDto.Of(connection, LiveStateDto.Of(connection.Accounts.Select(a => a.Id), hub));
}
