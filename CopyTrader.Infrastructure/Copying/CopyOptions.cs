using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Copying;

public sealed class CopyOptions
{
    public const string SectionName = "Copy";

    /// <summary>How long one follower's broker may take to answer before its copy is logged as failed.</summary>
    [Range(1, 300)]
    public int FollowerTimeoutSeconds { get; set; } = 10;

    /// <summary>Most order requests in flight at once on one broker login (shared by its accounts).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrdersPerConnection { get; set; } = 10;

    /// <summary>Most order requests a second on one broker login; this many may also go at once.</summary>
    [Range(1, 1000)]
    public int MaxOrdersPerSecondPerConnection { get; set; } = 20;

    /// <summary>Skip followers that a webhook strategy also trades, so one signal never fills twice.</summary>
    public bool SkipFollowersWithWebhookOrders { get; set; } = true;

    /// <summary>How long processed leader fill ids are kept to refuse replays; at least 1 day.</summary>
    [Range(1, 365)]
    public int LedgerRetentionDays { get; set; } = 7;

    /// <summary>Seconds between reconciliations of every follower (0: only after connects and on demand).</summary>
    [Range(0, 86_400)]
    public int ReconcileIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// How long the background writers (copy log, fill ledger, order books) gather changes before one
    /// database commit, so a burst of copies costs one commit instead of one per copy.
    /// </summary>
    [Range(0, 5_000)]
    public int WriteBatchMilliseconds { get; set; } = 50;

    /// <summary>Most copy log rows written in one database round trip.</summary>
    [Range(1, 10_000)]
    public int LogBatchSize { get; set; } = 200;
}
