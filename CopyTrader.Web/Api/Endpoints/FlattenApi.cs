using System.Security.Claims;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>
/// Flatten (cancel working orders, liquidate positions) one account, one group, or everything. 200 when every
/// step on every account succeeded; otherwise 422 with the same per-account steps under <c>accounts</c>, so a
/// script that only checks the status still notices a position left open.
/// </summary>
internal static class FlattenApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{id:int}/flatten", AccountAsync).WithTags("Flatten").WithName("FlattenAccount")
            .WithSummary("Flattens one account; a leader's liquidation is copied to its followers, a follower is flattened alone.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/groups/{id:int}/flatten", GroupAsync).WithTags("Flatten").WithName("FlattenGroup")
            .WithSummary("Flattens a group's leader and every follower at once; nothing of it is copied again.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/flatten", AllAsync).WithTags("Flatten").WithName("FlattenAll")
            .WithSummary("Flattens every group.").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<FlattenResponse>, ProblemHttpResult>> AccountAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, IFlattenService flatten, CancellationToken ct) =>
        visibility.For(user).Account(id) is null
            ? ApiProblems.NotFound(NotFoundText.Account(id))
            : Answer([await flatten.FlattenAccountAsync(id, ct)]);

    /// <summary>The group as the caller sees it: a trader never closes a follower on another user's account.</summary>
    private static async Task<Results<Ok<FlattenResponse>, ProblemHttpResult>> GroupAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, IFlattenService flatten, CancellationToken ct)
    {
        var scope = visibility.For(user);
        return scope.Group(id) is null
            ? ApiProblems.NotFound(NotFoundText.Group(id))
            : Answer(await flatten.FlattenGroupAsync(scope, id, ct));
    }

    /// <summary>Every group the caller sees, all at once (what <see cref="IFlattenService.FlattenAllAsync"/> does for all groups).</summary>
    private static async Task<Results<Ok<FlattenResponse>, ProblemHttpResult>> AllAsync(
        ApiVisibility visibility, ClaimsPrincipal user, IFlattenService flatten, CancellationToken ct)
    {
        var scope = visibility.For(user);
        var groups = await Task.WhenAll(scope.Groups.Select(g => flatten.FlattenGroupAsync(scope, g.Id, ct)));
        return Answer(groups.SelectMany(r => r).ToList());
    }

    private static Results<Ok<FlattenResponse>, ProblemHttpResult> Answer(IReadOnlyList<FlattenResult> results)
    {
        var response = FlattenResponse.Of(results);
        if (response.Succeeded)
        {
            return TypedResults.Ok(response);
        }

        var failed = response.Accounts.Where(a => !a.Succeeded).ToList();
        var detail = $"Flatten incomplete on {failed.Count} of {response.Accounts.Count} accounts: " + string.Join("; ",
            failed.Select(a => $"{a.AccountName}: " + string.Join(", ", a.Steps.Where(s => !s.Succeeded).Select(s => $"{s.Action} — {s.Reason}"))));
        return ApiProblems.Refused(detail, new Dictionary<string, object?> { ["accounts"] = response.Accounts });
    }
}
