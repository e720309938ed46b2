using System.Security.Claims;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class CopyLogApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/copy-log", RecentAsync).WithTags("Copy log").WithName("RecentCopyLog")
            .WithSummary($"The newest copy results, newest first (limit 1 to {MaxLimit}, default {DefaultLimit}).");

    private static async Task<Results<Ok<List<CopyLogDto>>, ValidationProblem>> RecentAsync(
        ApiVisibility visibility, ClaimsPrincipal user, ICopyLogReader log, CancellationToken ct, int limit = DefaultLimit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.Validation(new FieldErrors().Add("limit", $"The limit must be between 1 and {MaxLimit} (got {limit}).").ToDictionary());
        }

        var scope = visibility.For(user);
        return TypedResults.Ok((await log.RecentAsync(limit, ct)).Where(e => scope.SeesGroup(e.CopyGroupId)).Select(CopyLogDto.Of).ToList());
    }
}
