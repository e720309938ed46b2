using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>
/// Names for the ids a copy log entry keeps, from the current configuration. An account or group deleted since
/// keeps its id ("#12"), so an old row still says which one it was.
/// </summary>
public sealed class CopyLogNames(CopyConfigSnapshot config)
{
    private readonly Dictionary<int, string> _groups = config.Groups.ToDictionary(g => g.Id, g => g.Name);

    /// <summary>
    /// Names a trader may read: their own accounts and the groups those lead, as their scope shows them; another
    /// user's account or group keeps its id, like a deleted one. Null <paramref name="visibleAccountIds"/>: every name.
    /// </summary>
    public static CopyLogNames For(CopyConfigSnapshot config, IReadOnlyCollection<int>? visibleAccountIds)
    {
        if (visibleAccountIds is null)
        {
            return new CopyLogNames(config);
        }

        var visible = visibleAccountIds.ToHashSet();
        return new CopyLogNames(config with
        {
            Accounts = config.Accounts.Where(a => visible.Contains(a.Id)).ToList(),
            Groups = config.Groups.Where(g => visible.Contains(g.LeaderAccountId)).ToList(),
        });
    }

    public string Account(int accountId) => config.Account(accountId)?.DisplayName ?? $"#{accountId}";

    public string Group(int groupId) => _groups.GetValueOrDefault(groupId) ?? $"#{groupId}";
}
