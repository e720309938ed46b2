namespace CopyTrader.Domain.Configuration;

/// <summary>
/// A follower's risk limits as configured; nothing enforces them yet. Null is "no limit" and zero is always a
/// value: a daily loss limit of 0 stops at the first loss, 0 contracts per order copies nothing.
/// The copy window is in US Central Time (the CME clock) and may run over midnight (17:00 → 16:00).
/// </summary>
public sealed record FollowerRiskLimits
{
    public static readonly FollowerRiskLimits None = new();

    /// <summary>The day's loss (in the account's currency) at which copying to this follower stops.</summary>
    public decimal? DailyLossLimit { get; init; }

    /// <summary>The most contracts one copied order may have.</summary>
    public int? MaxContractsPerOrder { get; init; }

    /// <summary>Start of the window in which copies are placed (Central Time); null with <see cref="CopyWindowEnd"/> for always.</summary>
    public TimeOnly? CopyWindowStart { get; init; }

    public TimeOnly? CopyWindowEnd { get; init; }

    /// <summary>The reasons these limits cannot be stored, in words for the form; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DailyLossLimit < 0m)
        {
            problems.Add($"The daily loss limit cannot be negative (got {DailyLossLimit}); enter the loss as a positive amount, or leave it empty for no limit.");
        }

        if (MaxContractsPerOrder < 0)
        {
            problems.Add($"The maximum contracts per order cannot be negative (got {MaxContractsPerOrder}); leave it empty for no limit.");
        }

        if (CopyWindowStart.HasValue != CopyWindowEnd.HasValue)
        {
            problems.Add("The copy window needs both a start and an end, or neither (copy at any time).");
        }
        else if (CopyWindowStart is { } start && start == CopyWindowEnd)
        {
            problems.Add($"The copy window starts and ends at {start:HH:mm}; it would never be open. Leave both empty to copy at any time.");
        }

        return problems;
    }
}
