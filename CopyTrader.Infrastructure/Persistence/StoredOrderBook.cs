namespace CopyTrader.Infrastructure.Persistence;

/// <summary>
/// A leader's order map (its working orders and the follower copies of each) as JSON, so a leader's
/// modifications and cancels still reach the copies after a restart.
/// </summary>
public sealed class StoredOrderBook
{
    public int LeaderAccountId { get; set; }
    public string Json { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}
