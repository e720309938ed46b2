namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// Which audit entries to show. Every criterion is optional; the time range is half-open, from
/// <see cref="FromUtc"/> inclusive to <see cref="ToUtc"/> exclusive. <see cref="OnlyByUserId"/> is the
/// visibility restriction (a non-admin sees only what they did) and is applied on top of everything else.
/// </summary>
public sealed record AuditFilter
{
    public const int TextMaxLength = 200;

    public static readonly AuditFilter All = new();

    public DateTimeOffset? FromUtc { get; init; }

    public DateTimeOffset? ToUtc { get; init; }

    /// <summary>Entries by this user (the actor's Identity id).</summary>
    public string? ActorUserId { get; init; }

    public AuditChannel? Channel { get; init; }

    /// <summary>An action code ("follower.enabled") or its category ("follower", every follower action).</summary>
    public string? Action { get; init; }

    public int? CopyGroupId { get; init; }

    public int? AccountId { get; init; }

    /// <summary>Words in the subject or the details, any case: "NQ main", "×2", "rejected".</summary>
    public string? Text { get; init; }

    /// <summary>Visibility: when set, only entries by this user id, whatever else the filter says.</summary>
    public string? OnlyByUserId { get; init; }

    /// <summary>The text as matched: trimmed and upper case, or null when there is none.</summary>
    public string? TextUpper => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim().ToUpperInvariant();

    /// <summary>The action as matched: trimmed and lower case (codes are lower case), or null when there is none.</summary>
    public string? ActionCode => string.IsNullOrWhiteSpace(Action) ? null : Action.Trim().ToLowerInvariant();

    /// <summary>Each problem by field name; empty when the filter can run.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (FromUtc is { } from && ToUtc is { } to && from > to)
        {
            problems[nameof(FromUtc)] = $"'From' ({from.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC) is after 'To' ({to.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC).";
        }

        if (TextUpper is { Length: > TextMaxLength })
        {
            problems[nameof(Text)] = $"Search text has at most {TextMaxLength} characters.";
        }

        if (ActionCode is { } action && (action.Length > AuditEntry.ActionMaxLength || !action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')))
        {
            problems[nameof(Action)] = $"'{Action}' is not an action such as follower.enabled or a category such as follower.";
        }

        if (Channel is { } channel && !Enum.IsDefined(channel))
        {
            problems[nameof(Channel)] = $"Unknown channel {(int)channel}.";
        }

        if (ActorUserId is { Length: > AuditEntry.ActorUserIdMaxLength })
        {
            problems[nameof(ActorUserId)] = $"A user id has at most {AuditEntry.ActorUserIdMaxLength} characters.";
        }

        return problems;
    }

    /// <summary>Refuses a filter with problems, naming them, rather than answering with nothing.</summary>
    public void EnsureValid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The audit filter is not valid: {string.Join(" ", problems.Values)}");
        }
    }
}
