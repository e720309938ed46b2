using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>
/// Names for the ids a copy log entry keeps, from the current configuration. An account or group deleted since
/// keeps its id ("#12"), so an old row still says which one it was.
/// </summary>
public sealed class CopyLogNames(CopyConfigSnapshot config)
{
    private readonly Dictionary<int, string> _groups = config.Groups.ToDictionary(g => g.Id, g => g.Name);

    public string Account(int accountId) => config.Account(accountId)?.DisplayName ?? $"#{accountId}";

    public string Group(int groupId) => _groups.GetValueOrDefault(groupId) ?? $"#{groupId}";
}
