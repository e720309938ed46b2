namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// The audit trail as its page reads it. A filter with problems (<see cref="AuditFilter.Problems"/>) is refused
/// with an <see cref="ArgumentException"/>, never answered with nothing.
/// </summary>
public interface IAuditTrailQuery
{
    /// <summary>Page <paramref name="page"/> (0-based) of the matching entries, newest first.</summary>
    Task<PagedAudit> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default);

    /// <summary>The users who appear in the trail (by id, with the latest name they acted under), for the "who" filter.</summary>
    Task<IReadOnlyList<AuditActorOption>> ActorsAsync(CancellationToken ct = default);
}

/// <summary>One page of the filtered trail, newest first, and how many entries the filter matches in all.</summary>
public sealed record PagedAudit(IReadOnlyList<AuditEntry> Items, int TotalCount, int Page, int PageSize);

public sealed record AuditActorOption(string UserId, string Name);
