using System.Globalization;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.CopySetup;

/// <summary>The checks a setup change must pass, each problem in words for the form.</summary>
internal static class SetupRules
{
    public static string MissingGroup(int groupId) => $"Copy group {groupId} does not exist.";

    public static string MissingFollower(int followerId) => $"Follower {followerId} does not exist.";

    public static string Describe(ContractMapping m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.SourceRoot} → {m.TargetRoot} ×{m.Ratio:0.######}");

    /// <summary>Name (required, short, unique ignoring case) and leader (an account that exists and does not follow <paramref name="group"/>).</summary>
    public static async Task<IReadOnlyList<string>> GroupProblemsAsync(CopyTraderDbContext db, GroupDraft draft, CopyGroup? group, CancellationToken ct)
    {
        var problems = new List<string>();
        var name = draft.Name?.Trim() ?? "";
        var exceptGroupId = group?.Id ?? 0;
        if (name.Length == 0)
        {
            problems.Add("The group name is required.");
        }
        else if (name.Length > CopyGroup.NameMaxLength)
        {
            problems.Add($"The group name must be at most {CopyGroup.NameMaxLength} characters.");
        }
        else if ((await db.CopyGroups.Where(g => g.Id != exceptGroupId).Select(g => g.Name).ToListAsync(ct)).Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"A copy group named '{name}' already exists.");
        }

        if (!await db.TradingAccounts.AnyAsync(a => a.Id == draft.LeaderAccountId, ct))
        {
            problems.Add("Choose the leader account.");
        }
        else if (group is not null && group.LeaderAccountId != draft.LeaderAccountId && group.Followers.Any(f => f.AccountId == draft.LeaderAccountId))
        {
            problems.Add($"{await AccountNameAsync(db, draft.LeaderAccountId, ct)} follows this group; remove it from the followers before making it the leader.");
        }

        return problems;
    }

    public static async Task<IReadOnlyList<string>> NewFollowerProblemsAsync(CopyTraderDbContext db, CopyGroup group, int accountId, FollowerSettings settings, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!await db.TradingAccounts.AnyAsync(a => a.Id == accountId, ct))
        {
            problems.Add("Choose the follower account.");
        }
        else if (accountId == group.LeaderAccountId)
        {
            problems.Add($"{await AccountNameAsync(db, accountId, ct)} leads this group; an account cannot follow itself.");
        }
        else if (group.Followers.Any(f => f.AccountId == accountId))
        {
            problems.Add($"{await AccountNameAsync(db, accountId, ct)} already follows this group.");
        }

        problems.AddRange(SettingsProblems(settings));
        return problems;
    }

    public static IReadOnlyList<string> SettingsProblems(FollowerSettings settings) =>
        [.. settings.Rule.Problems(), .. RootProblems(settings.Rule), .. settings.RiskLimits.Problems()];

    /// <summary>Shape of the roots in the overrides and the blacklist; the rule's own checks cover the values.</summary>
    private static IEnumerable<string> RootProblems(FollowerRule rule) =>
        rule.SymbolMultipliers.Keys.Concat(rule.BlockedRoots)
            .Where(r => r.Length is 0 or > ContractMapEntry.RootMaxLength || !r.All(char.IsAsciiLetterOrDigit))
            .Select(r => $"'{r}' is not a contract root such as NQ or MNQ (letters and digits, at most {ContractMapEntry.RootMaxLength}).");

    public static async Task<IReadOnlyList<string>> ContractMapProblemsAsync(CopyTraderDbContext db, int? groupId, ContractMapping mapping, CancellationToken ct)
    {
        var trimmed = mapping with { SourceRoot = mapping.SourceRoot?.Trim() ?? "", TargetRoot = mapping.TargetRoot?.Trim() ?? "" };
        if (ContractMapEntry.Problems(trimmed) is { Count: > 0 } problems)
        {
            return problems;
        }

        var existing = (await db.ContractMaps.Where(m => m.CopyGroupId == groupId).ToListAsync(ct))
            .FirstOrDefault(m => string.Equals(m.SourceRoot, trimmed.SourceRoot, StringComparison.OrdinalIgnoreCase));
        return existing is null
            ? []
            : [$"{existing.SourceRoot} is already mapped ({Describe(existing.ToMapping())}) {(groupId is null ? "in the global maps" : "in this group")}; remove that row first to change it."];
    }

    public static async Task<string> AccountNameAsync(CopyTraderDbContext db, int accountId, CancellationToken ct) =>
        await db.TradingAccounts.Where(a => a.Id == accountId).Select(a => a.DisplayName).SingleOrDefaultAsync(ct) is { } name ? $"'{name}'" : $"Account {accountId}";
}
