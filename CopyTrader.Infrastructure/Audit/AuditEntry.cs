namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// One line of the audit trail: who (<see cref="ActorName"/>, by <see cref="Channel"/>) did what
/// (<see cref="Action"/>) to which thing (<see cref="Subject"/>), when, and what changed (<see cref="Details"/>).
/// Rows are only ever added. They keep ids, not foreign keys, so deleting a group or a user leaves its history.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorUserIdMaxLength = 450;
    public const int ActorNameMaxLength = 256;
    public const int ActionMaxLength = 64;
    public const int SubjectMaxLength = 500;
    public const int DetailsMaxLength = 16_000;

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset occurredUtc, Actor actor, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        if (record.Action.Length > ActionMaxLength)
        {
            throw new ArgumentException($"An audit action has at most {ActionMaxLength} characters (got '{record.Action}').", nameof(record));
        }

        OccurredUtc = occurredUtc;
        OccurredUnixMs = occurredUtc.ToUnixTimeMilliseconds();
        ActorUserId = actor.UserId;
        ActorName = Cut(string.IsNullOrWhiteSpace(actor.Name) ? actor.UserId ?? "unknown" : actor.Name, ActorNameMaxLength);
        Channel = actor.Channel;
        Action = record.Action;
        Subject = Cut(record.Subject, SubjectMaxLength);
        Details = Cut(record.Details, DetailsMaxLength);
        CopyGroupId = record.CopyGroupId;
        AccountId = record.AccountId;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredUtc { get; private set; }

    /// <summary><see cref="OccurredUtc"/> as Unix milliseconds: the indexed column the trail is filtered and sorted by (SQLite cannot order DateTimeOffset).</summary>
    public long OccurredUnixMs { get; private set; }

    /// <summary>The Identity user's id; null when the app acted by itself.</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>The user's name (their email) as it was when they acted.</summary>
    public string ActorName { get; private set; } = "";

    public AuditChannel Channel { get; private set; }

    /// <summary>A stable code, category first: <c>follower.updated</c>, <c>group.auto-copy</c>, <c>flatten.group</c> (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = "";

    /// <summary>The thing acted on, in words: "Follower 'APEX-1001' in group 'NQ main'".</summary>
    public string Subject { get; private set; } = "";

    /// <summary>What changed, before → after for every changed field, or each account's outcome; never a credential.</summary>
    public string Details { get; private set; } = "";

    public int? CopyGroupId { get; private set; }
    public int? AccountId { get; private set; }

    private static string Cut(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
