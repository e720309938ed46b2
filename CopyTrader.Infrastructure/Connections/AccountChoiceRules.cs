using CopyTrader.Domain.Configuration;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>Checks the accounts chosen for a new connection before anything is written; every problem is named.</summary>
internal static class AccountChoiceRules
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<AccountChoice> choices, IReadOnlySet<int> existingGroupIds)
    {
        if (choices.Count == 0)
        {
            return ["Choose at least one account to save."];
        }

        var problems = new List<string>();
        var ids = choices.Select(c => c.ExternalId.Trim()).ToList();
        problems.AddRange(ids.Where(id => id.Length == 0).Take(1).Select(_ => "An account without an id cannot be saved."));
        problems.AddRange(ids.Where(id => id.Length > TradingAccount.ExternalIdMaxLength)
            .Select(id => $"Account id '{id}' is longer than {TradingAccount.ExternalIdMaxLength} characters."));
        problems.AddRange(ids.Where(id => id.Length > 0).GroupBy(id => id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Account '{g.Key}' is listed more than once."));

        var leaders = choices.Where(c => c.Leads).Select(c => c.ExternalId.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var follower in choices.Where(c => c.IsFollower))
        {
            if (FollowProblem(follower, leaders, existingGroupIds) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    public static string DisplayName(AccountChoice choice)
    {
        var name = string.IsNullOrWhiteSpace(choice.DisplayName) ? choice.ExternalId.Trim() : choice.DisplayName.Trim();
        return name.Length > TradingAccount.NameMaxLength ? name[..TradingAccount.NameMaxLength] : name;
    }

    private static string? FollowProblem(AccountChoice follower, IReadOnlySet<string> leaders, IReadOnlySet<int> existingGroupIds) => follower.Follows switch
    {
        null or { GroupId: null, NewLeaderExternalId: null } => $"Choose the group '{DisplayName(follower)}' follows.",
        { GroupId: { } id } when !existingGroupIds.Contains(id) => $"'{DisplayName(follower)}' follows copy group {id}, which does not exist.",
        { GroupId: null, NewLeaderExternalId: { } leader } when string.Equals(leader.Trim(), follower.ExternalId.Trim(), StringComparison.OrdinalIgnoreCase) =>
            $"'{DisplayName(follower)}' cannot follow its own group.",
        { GroupId: null, NewLeaderExternalId: { } leader } when !leaders.Contains(leader.Trim()) =>
            $"'{DisplayName(follower)}' follows '{leader}', which is not saved as a leader here.",
        _ => null,
    };
}
