using CopyTrader.Infrastructure.Audit;

namespace CopyTrader.Tests.Web.Audit;

/// <summary>Records what the page asks for and answers from a fixed list, paged as asked.</summary>
internal sealed class FakeAuditTrailQuery : IAuditTrailQuery
{
    public List<(AuditFilter Filter, int Page, int PageSize)> PageCalls { get; } = [];
    public List<AuditEntry> Entries { get; } = [];
    public List<AuditActorOption> Actors { get; } = [];
    public int ActorCalls { get; private set; }
    public Exception? Failure { get; set; }

    public Task<PagedAudit> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        PageCalls.Add((filter, page, pageSize));
        return Failure is { } failure
            ? Task.FromException<PagedAudit>(failure)
            : Task.FromResult(new PagedAudit(Entries.Skip(page * pageSize).Take(pageSize).ToList(), Entries.Count, page, pageSize));
    }

    public Task<IReadOnlyList<AuditActorOption>> ActorsAsync(CancellationToken ct = default)
    {
        ActorCalls++;
        return Failure is { } failure ? Task.FromException<IReadOnlyList<AuditActorOption>>(failure) : Task.FromResult<IReadOnlyList<AuditActorOption>>(Actors);
    }
}
