using System.Security.Claims;
using CopyTrader.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>Contract maps as the copier uses them: the global ones (group null) and each group's own.</summary>
internal static class ContractMapsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/contract-maps", List).WithTags("Contract maps").WithName("ListContractMaps")
            .WithSummary("Global contract maps (groupId null) and every group's own; a group's map for a root wins over the global one.");

    private static Ok<List<ContractMapDto>> List(ApiVisibility visibility, ClaimsPrincipal user)
    {
        var scope = visibility.For(user);
        return TypedResults.Ok(scope.Config.GlobalContractMappings.Select(m => ContractMapDto.Of(null, m))
            .Concat(scope.Groups.SelectMany(g => g.ContractMappings.Select(m => ContractMapDto.Of(g.Id, m))))
            .ToList());
    }
}
