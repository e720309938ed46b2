using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Audit;

internal sealed class AuditTrail(IDbContextFactory<CopyTraderDbContext> dbFactory, CurrentActor actor, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, record);
        await db.SaveChangesAsync(ct);
    }

    public AuditEntry Add(CopyTraderDbContext db, AuditRecord record)
    {
        var entry = new AuditEntry(clock.GetUtcNow(), actor.Current, record);
        db.AuditTrail.Add(entry);
        return entry;
    }
}
