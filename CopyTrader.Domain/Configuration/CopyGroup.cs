using CopyTrader.Domain.Copying;

namespace CopyTrader.Domain.Configuration;

/// <summary>A leader account and the followers that copy it.</summary>
public sealed class CopyGroup
{
    public const int NameMaxLength = 100;

    private readonly List<Follower> _followers = [];

    private CopyGroup() { }

    public CopyGroup(string name, int leaderAccountId, bool autoCopyEnabled)
    {
        Name = name;
        LeaderAccountId = leaderAccountId;
        AutoCopyEnabled = autoCopyEnabled;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int LeaderAccountId { get; private set; }

    /// <summary>When off, leader fills are watched and shown but not copied.</summary>
    public bool AutoCopyEnabled { get; private set; }

    public IReadOnlyCollection<Follower> Followers => _followers;

    /// <summary>Plan and log what would be sent; send nothing.</summary>
    public bool DryRun { get; private set; }

    /// <summary>Repair drift found by reconciliation automatically, with the smallest order.</summary>
    public bool AutoSync { get; private set; }

    /// <summary>Also replicate the leader's working orders (limit, stop, brackets/OCO), not only its fills.</summary>
    public bool MirrorWorkingOrders { get; private set; }

    public Follower AddFollower(int accountId, decimal multiplier) => AddFollower(accountId, FollowerRule.Default with { Multiplier = multiplier });

    public Follower AddFollower(int accountId, FollowerRule rule)
    {
        if (accountId == LeaderAccountId)
        {
            throw new CopyTraderDomainException("An account cannot follow itself.");
        }

        if (_followers.Any(f => f.AccountId == accountId))
        {
            throw new CopyTraderDomainException($"Account {accountId} already follows this group.");
        }

        var follower = new Follower(accountId, rule);
        _followers.Add(follower);
        return follower;
    }

    public void Rename(string name) => Name = name;

    /// <summary>Another account leads the group; refused when that account is one of its followers.</summary>
    public void ChangeLeader(int accountId)
    {
        if (_followers.Any(f => f.AccountId == accountId))
        {
            throw new CopyTraderDomainException("The new leader follows this group; remove it from the followers first.");
        }

        LeaderAccountId = accountId;
    }

    public void RemoveFollower(int followerId)
    {
        var follower = _followers.SingleOrDefault(f => f.Id == followerId)
            ?? throw new CopyTraderDomainException($"Follower {followerId} is not in this group.");
        _followers.Remove(follower);
    }

    public void SetAutoCopy(bool enabled) => AutoCopyEnabled = enabled;

    public void SetDryRun(bool dryRun) => DryRun = dryRun;

    public void SetAutoSync(bool autoSync) => AutoSync = autoSync;

    public void SetMirrorWorkingOrders(bool mirror) => MirrorWorkingOrders = mirror;
}
