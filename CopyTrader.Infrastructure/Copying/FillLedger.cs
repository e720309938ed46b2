using System.Threading.Channels;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// The leader fills already processed, in memory for the hot path and written to the database in the
/// background, so a restart or a broker's session replay never copies a fill twice. Loaded at startup
/// (the last <see cref="CopyOptions.LedgerRetentionDays"/> days) before any connection starts; older
/// entries are pruned, in memory and in the table, every hour. A crash can lose the last few milliseconds of entries: the deterministic CopyTag
/// client order id is the second line of defence at brokers that refuse a repeated id.
/// </summary>
internal sealed class FillLedger(
    IDbContextFactory<CopyTraderDbContext> dbFactory,
    TimeProvider clock,
    IOptions<CopyOptions> options,
    WriteBatchWindow batchWindow,
    ILogger<FillLedger> logger) : BackgroundService
{
    private readonly object _gate = new();
    private readonly Dictionary<(int, string), DateTime> _seen = [];
    private readonly Channel<ProcessedLeaderFill> _pending = Channel.CreateUnbounded<ProcessedLeaderFill>(new UnboundedChannelOptions { SingleReader = true });

    private TimeSpan Retention => TimeSpan.FromDays(options.Value.LedgerRetentionDays);

    public async Task LoadAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Retention;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.ProcessedLeaderFills.AsNoTracking().Where(f => f.ProcessedUtc >= since).Select(f => new { f.LeaderAccountId, f.FillId, f.ProcessedUtc }).ToListAsync(ct);
        lock (_gate)
        {
            foreach (var e in entries)
            {
                _seen[(e.LeaderAccountId, e.FillId)] = e.ProcessedUtc;
            }
        }

        logger.LogInformation("Fill ledger loaded: {Count} leader fills from the last {Days} days", entries.Count, options.Value.LedgerRetentionDays);
    }

    /// <summary>True the first time a leader fill is seen, ever (within retention); records it.</summary>
    public bool FirstTime(int leaderAccountId, string fillId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (!_seen.TryAdd((leaderAccountId, fillId), now))
            {
                return false;
            }
        }

        _pending.Writer.TryWrite(new ProcessedLeaderFill(leaderAccountId, fillId, now));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = DateTime.MinValue;
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await batchWindow.WaitAsync(stoppingToken);
                await WriteAvailableAsync();
                if (clock.GetUtcNow().UtcDateTime >= nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    nextPrune = clock.GetUtcNow().UtcDateTime.AddHours(1);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await WriteAvailableAsync();
    }

    private async Task WriteAvailableAsync()
    {
        var batch = new List<ProcessedLeaderFill>();
        while (_pending.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ProcessedLeaderFills.AddRange(batch);
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            // Still deduplicated in memory for this run; only a restart could repeat them.
            logger.LogError(ex, "Writing {Count} leader fills to the ledger failed: {Fills}", batch.Count, string.Join(", ", batch.Select(b => $"{b.LeaderAccountId}/{b.FillId}")));
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        lock (_gate)
        {
            foreach (var old in _seen.Where(e => e.Value < cutoff).Select(e => e.Key).ToList())
            {
                _seen.Remove(old);
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.ProcessedLeaderFills.Where(f => f.ProcessedUtc < cutoff).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            logger.LogInformation("Fill ledger pruned {Count} entries older than {Cutoff:u}", removed, cutoff);
        }
    }
}
