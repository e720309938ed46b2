using CopyTrader.Infrastructure.Users;
using System.Security.Claims;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class FollowersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/groups/{groupId:int}/followers", List).WithTags("Followers").WithName("ListFollowers")
            .WithSummary("A group's followers with their rules.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/groups/{groupId:int}/followers", AddAsync).WithTags("Followers").WithName("AddFollower")
            .WithSummary("Adds an account as a follower; refused (422) when it would create a copy loop or already follows the group.")
            .AcceptsJson<AddFollowerRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var followers = api.MapGroup("/followers/{id:int}").WithTags("Followers").ProducesProblem(StatusCodes.Status404NotFound);
        followers.MapGet("/", Get).WithName("GetFollower").WithSummary("One follower with its rule.");
        followers.MapDelete("/", RemoveAsync).WithName("RemoveFollower")
            .WithSummary("Removes the follower from its group: copying to the account stops, its positions and orders at the broker stay as they are.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        followers.MapPut("/rule", ReplaceRuleAsync).WithName("ReplaceFollowerRule")
            .WithSummary("Replaces the whole sizing rule; every field is required so none is reset by being left out.")
            .AcceptsJson<FollowerRuleDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        followers.MapPut("/multiplier", SetMultiplierAsync).WithName("SetFollowerMultiplier")
            .WithSummary("Changes only the base multiplier.").AcceptsJson<MultiplierRequest>();
        followers.MapPut("/enabled", SetEnabledAsync).WithName("SetFollowerEnabled")
            .WithSummary("Enables or disables copying to this follower.").AcceptsJson<EnabledRequest>();
    }

    private static Results<Ok<List<FollowerDto>>, ProblemHttpResult> List(int groupId, ApiVisibility visibility, ClaimsPrincipal user)
    {
        var scope = visibility.For(user);
        return scope.Group(groupId) is { } group
            ? TypedResults.Ok(group.Followers.Select(f => FollowerDto.Of(group, f, scope)).ToList())
            : ApiProblems.NotFound(NotFoundText.Group(groupId));
    }

    private static async Task<Results<Created<FollowerDto>, ValidationProblem, ProblemHttpResult>> AddAsync(
        int groupId, JsonBody<AddFollowerRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopyConfigurationService configuration, CancellationToken ct)
    {
        var scope = visibility.For(user);
        if (scope.Group(groupId) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Group(groupId));
        }

        var request = body.Value;
        var errors = request.Check(scope);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var id = await configuration.AddFollowerAsync(groupId, request.AccountId, request.Rule?.ToRule() ?? FollowerRule.Default, ct);
        return Find(id, visibility.For(user)) is { } dto
            ? TypedResults.Created($"{AutomationApi.Prefix}/followers/{id}", dto)
            : ApiProblems.NotFound(NotFoundText.Follower(id));
    }

    private static Results<Ok<FollowerDto>, ProblemHttpResult> Get(int id, ApiVisibility visibility, ClaimsPrincipal user) => Read(id, visibility.For(user));

    private static async Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> ReplaceRuleAsync(
        int id, JsonBody<FollowerRuleDto> body, ApiVisibility visibility, ClaimsPrincipal user, ICopyConfigurationService configuration, CancellationToken ct)
    {
        if (visibility.For(user).Follower(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Follower(id));
        }

        var errors = body.Value.Check(new FieldErrors());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        await configuration.UpdateFollowerRuleAsync(id, body.Value.ToRule(), ct);
        return Find(id, visibility.For(user)) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound(NotFoundText.Follower(id));
    }

    private static async Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> SetMultiplierAsync(
        int id, JsonBody<MultiplierRequest> body, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, CancellationToken ct)
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

        await edits.ChangeAsync(id, rule => rule with { Multiplier = body.Value.Multiplier }, ct);
        return Find(id, visibility.For(user)) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound(NotFoundText.Follower(id));
    }

    private static async Task<Results<Ok<FollowerDto>, ProblemHttpResult>> SetEnabledAsync(
        int id, JsonBody<EnabledRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopyConfigurationService configuration, CancellationToken ct)
    {
        if (visibility.For(user).Follower(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Follower(id));
        }

        await configuration.SetFollowerEnabledAsync(id, body.Value.Enabled, ct);
        return Read(id, visibility.For(user));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        if (visibility.For(user).Follower(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Follower(id));
        }

        var result = await setup.RemoveFollowerAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : SetupRefusal.Of(result);
    }

    internal static FollowerDto? Find(int id, UserScope scope) =>
        scope.Follower(id) is { } found ? FollowerDto.Of(found.Group, found.Follower, scope) : null;

    internal static Results<Ok<FollowerDto>, ProblemHttpResult> Read(int id, UserScope scope) =>
        Find(id, scope) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound(NotFoundText.Follower(id));
}
