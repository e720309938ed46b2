using CopyTrader.Infrastructure.Users;
using System.Security.Claims;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using CopyTrader.Web.Api.OpenApi;
using CopyTrader.Web.CopyLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>
/// The copy log, filtered and paged in the database like the copy log page: the filter is read by the page's own
/// <see cref="CopyLogQueryString"/> under the API's parameter names, and narrowed by the caller's <see cref="UserScope"/>.
/// </summary>
internal static class CopyLogApi
{
    public static readonly CopyLogQueryString.ParameterNames Names = new("from", "to", "groupId", "followerAccountId", "outcome", "symbol");

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/copy-log", PageAsync).WithTags("Copy log").WithName("CopyLog")
            .WithSummary($"The copy log, newest first, filtered and paged (page from 1, pageSize 1 to {CopyLogPaging.MaxPageSize}, default {CopyLogPaging.DefaultPageSize}).")
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer(CopyLogParameters.DescribeAsync);

    private static async Task<Results<Ok<CopyLogPageDto>, ValidationProblem>> PageAsync(
        HttpRequest request, ApiVisibility visibility, ClaimsPrincipal user, ICopyLogQuery log, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!CopyLogQueryString.TryRead(request.Query, Names, out var filter, out var filterErrors))
        {
            foreach (var (field, messages) in filterErrors)
            {
                Array.ForEach(messages, m => errors.Add(field, m));
            }
        }

        var paging = CopyLogPaging.Read(request.Query, errors);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var page = await log.PageAsync(visibility.For(user).Restrict(filter), paging.Page - 1, paging.PageSize, ct);
        return TypedResults.Ok(new CopyLogPageDto(page.Items.Select(CopyLogDto.Of).ToList(), paging.Page, paging.PageSize, page.TotalCount));
    }
}
