using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Copying;

public interface ICopyLogReader
{
    /// <summary>The newest entries, newest first.</summary>
    Task<IReadOnlyList<CopyLogEntry>> RecentAsync(int count, CancellationToken ct = default);
}

internal sealed class CopyLogReader(IDbContextFactory<CopyTraderDbContext> dbFactory) : ICopyLogReader
{
    public async Task<IReadOnlyList<CopyLogEntry>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CopyLog.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
    }
}
