using CopyTrader.Infrastructure.Users;
using System.Security.Claims;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>Contract maps: the global ones (groupId null) and every group's own, through the configuration forms' service.</summary>
internal static class ContractMapsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var maps = api.MapGroup("/contract-maps").WithTags("Contract maps");
        maps.MapGet("/", ListAsync).WithName("ListContractMaps")
            .WithSummary("Global contract maps (groupId null) and every group's own; a group's map for a root wins over the global one.");
        maps.MapPost("/", AddAsync).WithName("AddContractMap")
            .WithSummary("Adds a map to a group, or a global one with \"groupId\": null; a second map of the same root there is refused (422).")
            .AcceptsJson<AddContractMapRequest>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        maps.MapDelete("/{id:int}", RemoveAsync).WithName("RemoveContractMap").WithSummary("Removes one map.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private const string GlobalMapsAreAdmins = "Global contract maps apply to every user's groups; only an admin changes them. Map the root on your group instead.";

    private static async Task<Ok<List<ContractMapDto>>> ListAsync(ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct) =>
        TypedResults.Ok((await VisibleAsync(visibility.For(user), setup, ct)).Select(ContractMapDto.Of).ToList());

    private static async Task<Results<Created<ContractMapDto>, ValidationProblem, ProblemHttpResult>> AddAsync(
        JsonBody<AddContractMapRequest> body, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        var request = body.Value;
        var scope = visibility.For(user);
        if (request.GroupId is { } groupId && !scope.SeesGroup(groupId))
        {
            return ApiProblems.NotFound(NotFoundText.Group(groupId));
        }

        if (request.GroupId is null && !scope.MayChangeGlobalContractMaps)
        {
            return ApiProblems.Forbidden(GlobalMapsAreAdmins);
        }

        var errors = request.Check();
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var result = await setup.AddContractMapAsync(request.GroupId, request.ToMapping(), ct);
        if (!result.Succeeded)
        {
            return SetupRefusal.Of(result);
        }

        var added = (await VisibleAsync(visibility.For(user), setup, ct)).FirstOrDefault(m => m.Id == result.Id);
        return added is null
            ? ApiProblems.NotFound($"Contract map {result.Id} does not exist.")
            : TypedResults.Created($"{AutomationApi.Prefix}/contract-maps/{added.Id}", ContractMapDto.Of(added));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        int id, ApiVisibility visibility, ClaimsPrincipal user, ICopySetupService setup, CancellationToken ct)
    {
        var scope = visibility.For(user);
        var map = (await VisibleAsync(scope, setup, ct)).FirstOrDefault(m => m.Id == id);
        if (map is null)
        {
            return ApiProblems.NotFound($"Contract map {id} does not exist.");
        }

        if (map.GroupId is null && !scope.MayChangeGlobalContractMaps)
        {
            return ApiProblems.Forbidden(GlobalMapsAreAdmins);
        }

        var result = await setup.RemoveContractMapAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : SetupRefusal.Of(result);
    }

    private static async Task<IReadOnlyList<ContractMapView>> VisibleAsync(UserScope scope, ICopySetupService setup, CancellationToken ct)
    {
        var groups = await setup.ListGroupsAsync(ct);
        return (await setup.ListGlobalContractMapsAsync(ct))
            .Concat(groups.Where(g => scope.SeesGroup(g.Id)).SelectMany(g => g.ContractMaps))
            .ToList();
    }
}
