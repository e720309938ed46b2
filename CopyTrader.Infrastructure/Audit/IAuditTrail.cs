using CopyTrader.Infrastructure.Persistence;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// Writes the audit trail, stamping each record with the <see cref="CurrentActor"/> and the clock's time.
/// A change stored in the database adds its entry to the same context with <see cref="Add"/> before its own
/// SaveChanges, so the two are committed together or not at all. An action outside the database (a broker call)
/// records its outcome afterwards with <see cref="RecordAsync"/>.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Writes one entry on its own. Throws when the database refuses it.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken ct = default);

    /// <summary>Adds the entry to <paramref name="db"/> without saving: the caller's next SaveChanges writes it with its change.</summary>
    AuditEntry Add(CopyTraderDbContext db, AuditRecord record);
}
