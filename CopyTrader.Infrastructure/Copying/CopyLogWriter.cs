using System.Threading.Channels;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>Writes copy log entries in batches from a channel, so the copy path never waits for the database.</summary>
internal sealed class CopyLogWriter(
    IDbContextFactory<CopyTraderDbContext> dbFactory,
    IOptions<CopyOptions> options,
    WriteBatchWindow batchWindow,
    ILogger<CopyLogWriter> logger) : BackgroundService, ICopyLogSink
{
    private const int MaxAttempts = 3;
    private readonly Channel<CopyLogEntry> _pending = Channel.CreateUnbounded<CopyLogEntry>(new UnboundedChannelOptions { SingleReader = true });

    public void Append(CopyLogEntry entry) => _pending.Writer.TryWrite(entry);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CopyLogEntry>(options.Value.LogBatchSize);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await batchWindow.WaitAsync(stoppingToken);
                await WriteAvailableAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: keep what is already queued.
        await WriteAvailableAsync(batch, CancellationToken.None);
    }

    private async Task WriteAvailableAsync(List<CopyLogEntry> batch, CancellationToken ct)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < options.Value.LogBatchSize && _pending.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await SaveAsync(batch, ct);
        }
    }

    private async Task SaveAsync(List<CopyLogEntry> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await CopyLogInsert.InsertAsync(db, batch, ct);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts)
            {
                logger.LogWarning(ex, "Writing {Count} copy log entries failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
            catch (Exception ex)
            {
                foreach (var entry in batch)
                {
                    logger.LogError(ex, "Copy log entry lost: group {GroupId} follower {FollowerId} leader event {LeaderEventId} {Outcome} {Reason}",
                        entry.CopyGroupId, entry.FollowerId, entry.LeaderEventId, entry.Outcome, entry.Reason);
                }

                return;
            }
        }
    }
}
