using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>
/// Which copy log entries to show, count and export. Every criterion is optional; the time range is half-open,
/// from <see cref="FromUtc"/> inclusive to <see cref="ToUtc"/> exclusive.
/// </summary>
public sealed record CopyLogFilter
{
    public const int SymbolMaxLength = 40;

    public static readonly CopyLogFilter All = new();

    public DateTimeOffset? FromUtc { get; init; }

    public DateTimeOffset? ToUtc { get; init; }

    public int? CopyGroupId { get; init; }

    /// <summary>The follower's trading account (the same account may follow in several groups).</summary>
    public int? FollowerAccountId { get; init; }

    public CopyOutcome? Outcome { get; init; }

    /// <summary>
    /// Only copies whose leader or follower is one of these accounts (a trader's own accounts); null: no restriction.
    /// Set by the user's scope, never from a request.
    /// </summary>
    public IReadOnlyCollection<int>? VisibleAccountIds { get; init; }

    /// <summary>The start of the follower's or the leader's contract, any case: "MNQ" finds MNQZ6.</summary>
    public string? Symbol { get; init; }

    /// <summary>The symbol as matched: trimmed and upper case, or null when there is none.</summary>
    public string? SymbolPrefix => string.IsNullOrWhiteSpace(Symbol) ? null : Symbol.Trim().ToUpperInvariant();

    /// <summary>Each problem by field name; empty when the filter can run.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (FromUtc is { } from && ToUtc is { } to && from > to)
        {
            problems[nameof(FromUtc)] = $"'From' ({from.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC) is after 'To' ({to.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC).";
        }

        if (SymbolPrefix is { Length: > SymbolMaxLength })
        {
            problems[nameof(Symbol)] = $"A symbol has at most {SymbolMaxLength} characters.";
        }

        if (Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            problems[nameof(Outcome)] = $"Unknown outcome {(int)outcome}.";
        }

        return problems;
    }

    /// <summary>Refuses a filter with problems, naming them, rather than answering with nothing.</summary>
    public void EnsureValid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The copy log filter is not valid: {string.Join(" ", problems.Values)}");
        }
    }
}
