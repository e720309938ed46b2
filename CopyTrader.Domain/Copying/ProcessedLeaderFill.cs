namespace CopyTrader.Domain.Copying;

/// <summary>A leader fill already handled, kept so a restart or a broker's replay never copies it twice.</summary>
public sealed class ProcessedLeaderFill
{
    public const int FillIdMaxLength = 100;

    private ProcessedLeaderFill() { }

    public ProcessedLeaderFill(int leaderAccountId, string fillId, DateTime processedUtc)
    {
        LeaderAccountId = leaderAccountId;
        FillId = fillId;
        ProcessedUtc = processedUtc;
    }

    public int LeaderAccountId { get; private set; }
    public string FillId { get; private set; } = "";

    /// <summary>UTC; a DateTime (not DateTimeOffset) so SQLite can compare it when old entries are pruned.</summary>
    public DateTime ProcessedUtc { get; private set; }
}
