namespace CopyTrader.Domain.Copying;

/// <summary>
/// The part of a configuration one trader may see: the connections they own, those connections' accounts, the
/// groups led by one of those accounts with only the followers on those accounts, and every global contract
/// mapping (they shape the trader's copies too). Pure, so the rule is tested once and every page and endpoint
/// shows the same thing.
/// </summary>
public static class OwnerView
{
    public static CopyConfigSnapshot Of(CopyConfigSnapshot config, string ownerUserId)
    {
        var connections = config.Connections.Where(c => c.OwnerUserId == ownerUserId).ToList();
        var connectionIds = connections.Select(c => c.Id).ToHashSet();
        var accounts = config.Accounts.Where(a => connectionIds.Contains(a.ConnectionId)).ToList();
        var accountIds = accounts.Select(a => a.Id).ToHashSet();
        var groups = config.Groups
            .Where(g => accountIds.Contains(g.LeaderAccountId))
            .Select(g => g.Followers.All(f => accountIds.Contains(f.AccountId))
                ? g
                : g with { Followers = g.Followers.Where(f => accountIds.Contains(f.AccountId)).ToList() })
            .ToList();
        return new CopyConfigSnapshot(connections, accounts, groups, config.GlobalContractMappings);
    }
}
