using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>How the trail names what was acted on, the same way everywhere.</summary>
public static class AuditSubjects
{
    public static string Follower(string accountName, string groupName) => $"Follower '{accountName}' in group '{groupName}'";

    public static string Group(string groupName) => $"Group '{groupName}'";

    public static string Account(string accountName) => $"Account '{accountName}'";

    public static string Leader(string accountName) => $"Leader '{accountName}'";

    public static string Connection(string name, BrokerKind kind) => $"Connection '{name}' ({kind})";

    public static string ContractMap(string sourceRoot, string? groupName) =>
        groupName is null ? $"Global contract map {sourceRoot}" : $"Contract map {sourceRoot} in group '{groupName}'";

    public static string ContractMapping(ContractMapping mapping) => SetupRules.Describe(mapping);

    public static string User(string email) => $"User '{email}'";

    public static string ApiKey(string name, string prefix) => $"API key '{name}' ({prefix}…)";

    /// <summary>An account's display name, or its id when it no longer exists.</summary>
    internal static async Task<string> AccountNameAsync(CopyTraderDbContext db, int accountId, CancellationToken ct) =>
        await db.TradingAccounts.Where(a => a.Id == accountId).Select(a => a.DisplayName).SingleOrDefaultAsync(ct) ?? $"#{accountId}";

    internal static async Task<string> GroupNameAsync(CopyTraderDbContext db, int groupId, CancellationToken ct) =>
        await db.CopyGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(ct) ?? $"#{groupId}";
}
