using CopyTrader.Infrastructure.Connections;

namespace CopyTrader.Web.Components.Pages.Connections;

/// <summary>A role the select offers: what the account does, and for a follower which group it joins.</summary>
public sealed record AccountRoleOption(AccountRole Role, FollowTarget? Follows = null)
{
    public static readonly AccountRoleOption None = new(AccountRole.None);
    public static readonly AccountRoleOption Leader = new(AccountRole.Leader);
}

/// <summary>One discovered account in the add form: saved or not, and its role.</summary>
public sealed class AccountChoiceRow(DiscoveredAccount account)
{
    public DiscoveredAccount Account { get; } = account;
    public bool Include { get; set; } = true;
    public AccountRoleOption Role { get; set; } = AccountRoleOption.None;
}

/// <summary>
/// The discovered accounts and the roles chosen for them. A follower can join an existing group or the group of
/// a leader chosen in the same form; when that leader is dropped, its followers fall back to no role.
/// </summary>
public sealed class AccountRolePlan(IReadOnlyList<DiscoveredAccount> accounts, IReadOnlyList<LeaderGroupOption> groups)
{
    public IReadOnlyList<AccountChoiceRow> Rows { get; } = accounts.Select(a => new AccountChoiceRow(a)).ToList();

    public IReadOnlyList<AccountRoleOption> OptionsFor(AccountChoiceRow row)
    {
        var targets = groups.Select(g => FollowTarget.Group(g.GroupId))
            .Concat(NewLeaders().Where(r => r != row).Select(r => FollowTarget.NewLeader(r.Account.ExternalId)))
            .ToList();
        return [AccountRoleOption.None, AccountRoleOption.Leader,
            .. targets.Select(t => new AccountRoleOption(AccountRole.Follower, t)),
            .. targets.Select(t => new AccountRoleOption(AccountRole.LeaderAndFollower, t))];
    }

    public string Label(AccountRoleOption? option) => option switch
    {
        null or { Role: AccountRole.None } => "No role",
        { Role: AccountRole.Leader } => "Leader (new group)",
        { Role: AccountRole.Follower } => $"Follower of {TargetName(option.Follows)}",
        _ => $"Leader, and follower of {TargetName(option.Follows)}",
    };

    public void SetRole(AccountChoiceRow row, AccountRoleOption option)
    {
        row.Role = option;
        DropFollowersOfMissingLeaders();
    }

    public void SetIncluded(AccountChoiceRow row, bool include)
    {
        row.Include = include;
        DropFollowersOfMissingLeaders();
    }

    public IReadOnlyList<AccountChoice> Choices() =>
        [.. Rows.Where(r => r.Include).Select(r => new AccountChoice(r.Account.ExternalId, r.Account.Name, r.Role.Role, r.Role.Follows))];

    private IEnumerable<AccountChoiceRow> NewLeaders() =>
        Rows.Where(r => r.Include && r.Role.Role is AccountRole.Leader or AccountRole.LeaderAndFollower);

    private string TargetName(FollowTarget? target) => target switch
    {
        { GroupId: { } id } => groups.FirstOrDefault(g => g.GroupId == id) is { } g ? $"{g.GroupName} (led by {g.LeaderName})" : $"group {id}",
        { NewLeaderExternalId: { } leader } => $"{Rows.FirstOrDefault(r => r.Account.ExternalId == leader)?.Account.Name ?? leader} (new group)",
        _ => "?",
    };

    private void DropFollowersOfMissingLeaders()
    {
        var leaders = NewLeaders().Select(r => r.Account.ExternalId).ToHashSet();
        foreach (var row in Rows.Where(r => r.Role.Follows?.NewLeaderExternalId is { } leader && (!leaders.Contains(leader) || leader == r.Account.ExternalId)))
        {
            row.Role = row.Role.Role == AccountRole.LeaderAndFollower ? AccountRoleOption.Leader : AccountRoleOption.None;
        }
    }
}
