using System.Security.Claims;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class TradesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/trades", SendAsync).WithTags("Manual trade").WithName("SendTrade")
            .WithSummary("BUY / SELL / CLOSE on a leader; its fill is copied to the followers. 422 with the broker's words when refused.")
            .AcceptsJson<TradeRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Not cancelled with the request: abandoning an order mid-send would leave its outcome unknown.</summary>
    private static async Task<Results<Ok<TradeResultDto>, ValidationProblem, ProblemHttpResult>> SendAsync(
        JsonBody<TradeRequest> body, ApiVisibility visibility, ClaimsPrincipal user, IManualTicketService tickets, InstrumentCatalog catalog)
    {
        var request = body.Value;
        if (visibility.For(user).Account(request.LeaderAccountId) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Account(request.LeaderAccountId));
        }

        var errors = request.Check(catalog);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var result = await tickets.SendAsync(request.ToOrder(), CancellationToken.None);
        return result.Accepted
            ? TypedResults.Ok(new TradeResultDto(true, result.BrokerOrderId, result.LatencyMs))
            : ApiProblems.Refused(result.Reason ?? "The broker rejected the order without a reason.", new Dictionary<string, object?> { ["latencyMs"] = result.LatencyMs });
    }
}
