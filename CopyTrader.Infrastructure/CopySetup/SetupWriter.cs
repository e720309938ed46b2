using CopyTrader.Domain;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.CopySetup;

/// <summary>
/// A planned change: refused with reasons, or saved (its id known after the save) with its audit record (also
/// built after the save, so it can name new ids) and the copy edge it adds.
/// </summary>
internal sealed record Change(IReadOnlyList<string> Errors, Func<int>? Id, Func<AuditRecord>? Audit, (int Leader, int Follower)? NewEdge)
{
    public static Change Refused(params IReadOnlyList<string> errors) => new(errors, null, null, null);

    public static Change Saved(Func<int> id, Func<AuditRecord> audit, (int Leader, int Follower)? newEdge = null) => new([], id, audit, newEdge);
}

internal sealed class SetupWriter(IDbContextFactory<CopyTraderDbContext> dbFactory, ICopyConfigStore config, IAuditTrail audit)
{
    /// <summary>
    /// One transaction: the change, then (with every edge in the database, inside the transaction) the copy-loop
    /// check, then its audit entry, then the commit; a refusal anywhere keeps nothing, the entry included. The
    /// snapshot is reloaded after a commit only.
    /// </summary>
    public async Task<CopySetupResult> WriteAsync(Func<CopyTraderDbContext, Task<Change>> change, CancellationToken ct)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var planned = await change(db);
                if (planned.Errors.Count > 0)
                {
                    return CopySetupResult.Refused(planned.Errors);
                }

                await db.SaveChangesAsync(ct);
                if (planned.NewEdge is { } edge)
                {
                    await CopyConfigurationService.RefuseLoopsAsync(db, edge, ct);
                }

                audit.Add(db, planned.Audit!());
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                id = planned.Id!();
            }
            catch (CopyTraderDomainException ex)
            {
                return CopySetupResult.Refused(ex.Message);
            }
            catch (DbUpdateException ex)
            {
                return CopySetupResult.Refused($"Not saved; the database refused the change: {ex.GetBaseException().Message}");
            }
        }

        await config.ReloadAsync(ct);
        return CopySetupResult.Done(id);
    }
}
