using System.Security.Claims;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>A follower's per-root settings one at a time: multiplier overrides and the blacklist of blocked roots.</summary>
internal static class SymbolRulesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var overrides = api.MapGroup("/followers/{id:int}/symbol-multipliers").WithTags("Multiplier overrides").ProducesProblem(StatusCodes.Status404NotFound);
        overrides.MapGet("/", ListOverrides).WithName("ListSymbolMultipliers").WithSummary("The follower's multiplier per leader root.");
        overrides.MapPut("/{root}", SetOverrideAsync).WithName("SetSymbolMultiplier")
            .WithSummary("Sets the multiplier for one leader root (NQ, ES, ...), winning over the base multiplier.").AcceptsJson<MultiplierRequest>();
        overrides.MapDelete("/{root}", RemoveOverrideAsync).WithName("RemoveSymbolMultiplier").WithSummary("Removes one root's override; the base multiplier applies again.");

        var blocked = api.MapGroup("/followers/{id:int}/blocked-roots").WithTags("Blacklist").ProducesProblem(StatusCodes.Status404NotFound);
        blocked.MapGet("/", ListBlocked).WithName("ListBlockedRoots").WithSummary("Leader roots this follower never copies.");
        blocked.MapPut("/{root}", BlockAsync).WithName("BlockRoot").WithSummary("Stops copying one leader root to this follower.");
        blocked.MapDelete("/{root}", UnblockAsync).WithName("UnblockRoot").WithSummary("Copies the root again.");
    }

    private static Results<Ok<List<SymbolMultiplierDto>>, ProblemHttpResult> ListOverrides(int id, ApiVisibility visibility, ClaimsPrincipal user) =>
        visibility.For(user).Follower(id)?.Follower is { } follower
            ? TypedResults.Ok(follower.Rule.SymbolMultipliers.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SymbolMultiplierDto(s.Key, s.Value)).ToList())
            : ApiProblems.NotFound(NotFoundText.Follower(id));

    private static async Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> SetOverrideAsync(
        int id, string root, JsonBody<MultiplierRequest> body, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, CancellationToken ct)
    {
        var errors = body.Value.Check().AddIf(Roots.Problem(root) is not null, "root", Roots.Problem(root) ?? "");
        return await ChangeAsync(id, errors, visibility, user, edits, rule =>
            rule with { SymbolMultipliers = new Dictionary<string, decimal>(rule.SymbolMultipliers, StringComparer.OrdinalIgnoreCase) { [Roots.Normalize(root)] = body.Value.Multiplier } }, ct);
    }

    private static Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> RemoveOverrideAsync(
        int id, string root, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, CancellationToken ct) =>
        ChangeAsync(id, RootErrors(root), visibility, user, edits, rule =>
            rule with { SymbolMultipliers = rule.SymbolMultipliers.Where(s => !string.Equals(s.Key, root.Trim(), StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase) }, ct);

    private static Results<Ok<List<string>>, ProblemHttpResult> ListBlocked(int id, ApiVisibility visibility, ClaimsPrincipal user) =>
        visibility.For(user).Follower(id)?.Follower is { } follower
            ? TypedResults.Ok(follower.Rule.BlockedRoots.Order(StringComparer.Ordinal).ToList())
            : ApiProblems.NotFound(NotFoundText.Follower(id));

    private static Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> BlockAsync(
        int id, string root, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, CancellationToken ct) =>
        ChangeAsync(id, RootErrors(root), visibility, user, edits, rule =>
            rule with { BlockedRoots = new HashSet<string>(rule.BlockedRoots.Append(Roots.Normalize(root)), StringComparer.OrdinalIgnoreCase) }, ct);

    private static Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> UnblockAsync(
        int id, string root, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, CancellationToken ct) =>
        ChangeAsync(id, RootErrors(root), visibility, user, edits, rule =>
            rule with { BlockedRoots = new HashSet<string>(rule.BlockedRoots.Where(r => !string.Equals(r, root.Trim(), StringComparison.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase) }, ct);

    private static FieldErrors RootErrors(string root) => new FieldErrors().AddIf(Roots.Problem(root) is not null, "root", Roots.Problem(root) ?? "");

    private static async Task<Results<Ok<FollowerDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        int id, FieldErrors errors, ApiVisibility visibility, ClaimsPrincipal user, FollowerRuleEdits edits, Func<FollowerRule, FollowerRule> change, CancellationToken ct)
    {
        if (visibility.For(user).Follower(id) is null)
        {
            return ApiProblems.NotFound(NotFoundText.Follower(id));
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        await edits.ChangeAsync(id, change, ct);
        return FollowersApi.Find(id, visibility.For(user)) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound(NotFoundText.Follower(id));
    }
}
