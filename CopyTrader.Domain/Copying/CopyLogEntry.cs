using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying;

/// <summary>One follower's result for one leader event: what was decided, what the broker said, how long it took.</summary>
public sealed class CopyLogEntry
{
    public const int ReasonMaxLength = 2000;

    private CopyLogEntry() { }

    public CopyLogEntry(
        DateTimeOffset createdUtc, int copyGroupId, int leaderAccountId, int followerId, int followerAccountId,
        string leaderEventId, string leaderSymbol, string symbol, Side? side, int leaderQuantity, int followerQuantity,
        CopyOutcome outcome, double latencyMs, string? clientOrderId, string? brokerOrderId, string? reason)
    {
        CreatedUtc = createdUtc;
        CreatedUnixMs = createdUtc.ToUnixTimeMilliseconds();
        CopyGroupId = copyGroupId;
        LeaderAccountId = leaderAccountId;
        FollowerId = followerId;
        FollowerAccountId = followerAccountId;
        LeaderEventId = leaderEventId;
        LeaderSymbol = leaderSymbol;
        Symbol = symbol;
        Side = side;
        LeaderQuantity = leaderQuantity;
        FollowerQuantity = followerQuantity;
        Outcome = outcome;
        LatencyMs = latencyMs;
        ClientOrderId = clientOrderId;
        BrokerOrderId = brokerOrderId;
        Reason = reason is { Length: > ReasonMaxLength } ? reason[..ReasonMaxLength] : reason;
    }

    public long Id { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>
    /// <see cref="CreatedUtc"/> as Unix milliseconds: the column the copy log is filtered and sorted by, since
    /// SQLite cannot compare or order DateTimeOffset values in SQL.
    /// </summary>
    public long CreatedUnixMs { get; private set; }
    public int CopyGroupId { get; private set; }
    public int LeaderAccountId { get; private set; }
    public int FollowerId { get; private set; }
    public int FollowerAccountId { get; private set; }
    public string LeaderEventId { get; private set; } = "";

    /// <summary>The contract the leader traded.</summary>
    public string LeaderSymbol { get; private set; } = "";

    /// <summary>The contract the follower trades (after the contract map).</summary>
    public string Symbol { get; private set; } = "";

    /// <summary>The side sent; null when nothing was sent.</summary>
    public Side? Side { get; private set; }

    /// <summary>The leader fill's quantity.</summary>
    public int LeaderQuantity { get; private set; }

    /// <summary>The quantity sent to the follower (0 when skipped).</summary>
    public int FollowerQuantity { get; private set; }

    public CopyOutcome Outcome { get; private set; }

    /// <summary>From the leader event's arrival to the broker's answer for this follower.</summary>
    public double LatencyMs { get; private set; }

    public string? ClientOrderId { get; private set; }
    public string? BrokerOrderId { get; private set; }

    /// <summary>The broker's reject reason, the rule that skipped, or the real error text.</summary>
    public string? Reason { get; private set; }
}
