using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Audit;

internal sealed class AuditTrailQuery(IDbContextFactory<CopyTraderDbContext> dbFactory) : IAuditTrailQuery
{
    public const int MaxPageSize = 500;

    public async Task<PagedAudit> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        filter.EnsureValid();
        PageRequest.EnsureValid(page, pageSize, MaxPageSize);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = db.AuditTrail.AsNoTracking().Matching(filter);
        var total = await matching.CountAsync(ct);
        var items = await matching.NewestFirst().Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedAudit(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<AuditActorOption>> ActorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.AuditTrail.AsNoTracking()
            .Where(e => e.ActorUserId != null)
            .GroupBy(e => e.ActorUserId!)
            .Select(g => g.Max(e => e.Id))
            .ToListAsync(ct);
        var actors = await db.AuditTrail.AsNoTracking()
            .Where(e => latest.Contains(e.Id))
            .Select(e => new AuditActorOption(e.ActorUserId!, e.ActorName))
            .ToListAsync(ct);
        return actors.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
