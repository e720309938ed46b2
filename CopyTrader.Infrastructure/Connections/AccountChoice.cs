namespace CopyTrader.Infrastructure.Connections;

/// <summary>What a discovered account does once saved.</summary>
public enum AccountRole
{
    /// <summary>Saved, in no copy group (the copier does not connect it yet).</summary>
    None,

    /// <summary>Leads a new copy group named after it, auto-copy off.</summary>
    Leader,

    /// <summary>Follows <see cref="AccountChoice.Follows"/> at ×1.</summary>
    Follower,

    /// <summary>Leads its own new group and follows another (a chain A → B → C).</summary>
    LeaderAndFollower,
}

/// <summary>A discovered account to save, with its role.</summary>
public sealed record AccountChoice(string ExternalId, string DisplayName, AccountRole Role, FollowTarget? Follows = null)
{
    public bool Leads => Role is AccountRole.Leader or AccountRole.LeaderAndFollower;

    public bool IsFollower => Role is AccountRole.Follower or AccountRole.LeaderAndFollower;
}

/// <summary>The group a follower joins: an existing one, or the one created for a leader saved in the same step.</summary>
public sealed record FollowTarget(int? GroupId, string? NewLeaderExternalId)
{
    public static FollowTarget Group(int groupId) => new(groupId, null);

    public static FollowTarget NewLeader(string externalId) => new(null, externalId);
}
