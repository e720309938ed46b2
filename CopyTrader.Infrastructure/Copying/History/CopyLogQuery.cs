using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Copying.History;

/// <param name="latencySampleLimit">The most latencies held in memory for the percentiles: 100,000 × (int + double) is about 2 MB.</param>
internal sealed class CopyLogQuery(
    IDbContextFactory<CopyTraderDbContext> dbFactory,
    ICopyConfigStore config,
    int latencySampleLimit = CopyLogQuery.LatencySampleLimit) : ICopyLogQuery
{
    public const int MaxPageSize = 500;
    public const int LatencySampleLimit = 100_000;

    public async Task<PagedCopyLog> PageAsync(CopyLogFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        filter.EnsureValid();
        PageRequest.EnsureValid(page, pageSize, MaxPageSize);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = db.CopyLog.AsNoTracking().Matching(filter);
        var total = await matching.CountAsync(ct);
        var items = await matching.NewestFirst().Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedCopyLog(items, total, page, pageSize);
    }

    public async Task<LatencyStats> LatencyStatsAsync(CopyLogFilter filter, CancellationToken ct = default)
    {
        filter.EnsureValid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sample = await db.CopyLog.AsNoTracking().Matching(filter)
            .Where(e => e.Outcome == CopyOutcome.Accepted || e.Outcome == CopyOutcome.Rejected || e.Outcome == CopyOutcome.Failed)
            .NewestFirst()
            .Select(e => new { e.FollowerAccountId, e.LatencyMs })
            .Take(latencySampleLimit + 1)
            .ToListAsync(ct);

        var sampled = sample.Count > latencySampleLimit;
        var followers = sample.Take(latencySampleLimit)
            .GroupBy(s => s.FollowerAccountId, s => s.LatencyMs)
            .Select(g =>
            {
                var sorted = g.Order().ToArray();
                return new FollowerLatency(g.Key, sorted.Length, NearestRank.Percentile(sorted, 50), NearestRank.Percentile(sorted, 95), sorted[^1]);
            })
            .OrderBy(f => f.FollowerAccountId)
            .ToList();
        return new LatencyStats(followers, sampled, latencySampleLimit);
    }

    public async Task<int> ExportAsync(CopyLogFilter filter, Stream destination, CancellationToken ct = default)
    {
        filter.EnsureValid();
        var names = CopyLogNames.For(config.Current, filter.VisibleAccountIds); // a trader's export names only what their page names
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var csv = CsvWriter.Create(destination, CopyLogCsv.Options, leaveOpen: true);
        csv.WriteHeader(CopyLogCsv.Header);
        var rows = 0;
        await foreach (var entry in db.CopyLog.AsNoTracking().Matching(filter).NewestFirst().AsAsyncEnumerable().WithCancellation(ct))
        {
            await CopyLogCsv.WriteAsync(csv, entry, names, ct);
            rows++;
        }

        await csv.FlushAsync(ct);
        return rows;
    }
}
