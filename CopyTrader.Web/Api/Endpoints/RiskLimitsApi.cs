using System.Security.Claims;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>A follower's risk limits as the follower form edits them; stored only, nothing enforces them yet.</summary>
internal static class RiskLimitsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var limits = api.MapGroup("/followers/{id:int}/risk-limits").WithTags("Risk limits").ProducesProblem(StatusCodes.Status404NotFound);
        limits.MapGet("/", GetAsync).WithName("GetFollowerRiskLimits")
            .WithSummary("The follower's stored risk limits: daily loss limit, max contracts per order, copy window in US Central Time. Not enforced yet.");
        limits.MapPut("/", SetAsync).WithName("SetFollowerRiskLimits")
            .WithSummary("Replaces the follower's risk limits (every field required, null for no limit; copy window \"HH:mm\" US Central Time). Stored only: enforcement is not built yet.")
            .AcceptsJson<FollowerRiskLimitsDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<FollowerRiskLimitsDto>, ProblemHttpResult>> GetAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct) =>
        visibility.For(user).Follower(id) is not null && await StoredAsync(id, setup, ct) is { } limits
            ? TypedResults.Ok(limits)
            : ApiProblems.NotFound(NotFoundText.Follower(id));

    private static async Task<Results<Ok<FollowerRiskLimitsDto>, ValidationProblem, ProblemHttpResult>> SetAsync(
        int id, JsonBody<FollowerRiskLimitsDto> body, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        if (visibility.For(user).Follower(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Follower(id));
        }

        var errors = body.Value.Check();
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var result = await setup.SetFollowerRiskLimitsAsync(id, body.Value.ToLimits(), ct);
        if (!result.Succeeded)
        {
            return SetupRefusal.Of(result);
        }

        return await StoredAsync(id, setup, ct) is { } stored ? TypedResults.Ok(stored) : ApiProblems.NotFound(NotFoundText.Follower(id));
    }

    /// <summary>The limits as stored; the copier's snapshot does not carry them while nothing enforces them.</summary>
    private static async Task<FollowerRiskLimitsDto?> StoredAsync(int id, ICopySetupService setup, CancellationToken ct) =>
        (await setup.ListGroupsAsync(ct)).SelectMany(g => g.Followers).FirstOrDefault(f => f.Id == id) is { } follower
            ? FollowerRiskLimitsDto.Of(follower.RiskLimits)
            : null;
}
