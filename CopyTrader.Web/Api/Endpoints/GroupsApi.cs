using CopyTrader.Infrastructure.Users;
using System.Security.Claims;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class GroupsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Copy groups");
        groups.MapGet("/", List).WithName("ListGroups").WithSummary("Copy groups with their followers and contract maps.");
        groups.MapGet("/{id:int}", Get).WithName("GetGroup").WithSummary("One copy group.").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/", CreateAsync).WithName("CreateGroup").WithSummary("A new copy group led by an account (followers are added to it next).")
            .AcceptsJson<CreateGroupRequest>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        groups.MapPut("/{id:int}/options", SetOptionsAsync).WithName("SetGroupOptions").WithSummary("Auto-copy, dry run, auto-sync and working-order mirroring, all four at once.")
            .AcceptsJson<GroupOptionsRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPut("/{id:int}", UpdateAsync).WithName("UpdateGroup")
            .WithSummary("Renames the group, changes its leader and sets all four switches at once; followers and maps stay. A name taken, a leader that follows the group or a copy loop is refused (422).")
            .AcceptsJson<UpdateGroupRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        groups.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteGroup")
            .WithSummary("Deletes the group with its followers and its own contract maps; copying stops, positions and orders at the broker stay as they are. Accounts, global maps and the copy log stay.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Ok<List<GroupDto>> List(ApiVisibility visibility, ClaimsPrincipal user)
    {
        var scope = visibility.For(user);
        return TypedResults.Ok(scope.Groups.Select(g => GroupDto.Of(g, scope)).ToList());
    }

    private static Results<Ok<GroupDto>, ProblemHttpResult> Get(int id, ApiVisibility visibility, ClaimsPrincipal user) =>
        Read(id, visibility.For(user));

    private static async Task<Results<Created<GroupDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateGroupRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopyConfigurationService configuration, CancellationToken ct)
    {
        var request = body.Value;
        var errors = request.Check(visibility.For(user));
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var id = await configuration.CreateGroupAsync(request.Name.Trim(), request.LeaderAccountId, request.AutoCopyEnabled, ct);
        var scope = visibility.For(user);
        return scope.Group(id) is { } group
            ? TypedResults.Created($"{AutomationApi.Prefix}/groups/{id}", GroupDto.Of(group, scope))
            : ApiProblems.NotFound(NotFoundText.Group(id));
    }

    private static async Task<Results<Ok<GroupDto>, ProblemHttpResult>> SetOptionsAsync(
        int id, JsonBody<GroupOptionsRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopyConfigurationService configuration, CancellationToken ct)
    {
        if (visibility.For(user).Group(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Group(id));
        }

        var o = body.Value;
        await configuration.SetGroupOptionsAsync(id, new GroupOptions(o.AutoCopyEnabled, o.DryRun, o.AutoSync, o.MirrorWorkingOrders), ct);
        return Read(id, visibility.For(user));
    }

    private static async Task<Results<Ok<GroupDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, JsonBody<UpdateGroupRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        var scope = visibility.For(user);
        if (scope.Group(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Group(id));
        }

        var errors = body.Value.Check(scope);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var result = await setup.UpdateGroupAsync(id, body.Value.ToDraft(), ct);
        if (!result.Succeeded)
        {
            return SetupRefusal.Of(result);
        }

        scope = visibility.For(user);
        return scope.Group(id) is { } group ? TypedResults.Ok(GroupDto.Of(group, scope)) : ApiProblems.NotFound(NotFoundText.Group(id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        if (visibility.For(user).Group(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Group(id));
        }

        var result = await setup.DeleteGroupAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : SetupRefusal.Of(result);
    }

    private static Results<Ok<GroupDto>, ProblemHttpResult> Read(int id, UserScope scope) =>
        scope.Group(id) is { } group ? TypedResults.Ok(GroupDto.Of(group, scope)) : ApiProblems.NotFound(NotFoundText.Group(id));
}
