namespace CopyTrader.Domain.Copying;

/// <summary>How one follower's copy ended. Every outcome but <see cref="Accepted"/> carries a reason.</summary>
public enum CopyOutcome
{
    /// <summary>The broker accepted the order.</summary>
    Accepted,

    /// <summary>The broker refused it; the reason is the broker's.</summary>
    Rejected,

    /// <summary>A rule decided not to send; the reason names the rule.</summary>
    Skipped,

    /// <summary>Sending failed (timeout, connection, exception); the reason is the real error text.</summary>
    Failed,

    /// <summary>The group is in dry-run mode: the order was planned and logged, not sent.</summary>
    DryRun,
}
