using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Keeps each leader's <see cref="OrderBook"/> (leader order → follower copies) in memory for the copy path
/// and writes the latest version of every changed book to the database in the background.
/// </summary>
internal sealed class OrderBookStore(IDbContextFactory<CopyTraderDbContext> dbFactory, TimeProvider clock, WriteBatchWindow batchWindow, ILogger<OrderBookStore> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly ConcurrentDictionary<int, OrderBook> _books = new();
    private readonly ConcurrentDictionary<int, byte> _dirty = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public OrderBook Get(int leaderAccountId) => _books.GetValueOrDefault(leaderAccountId) ?? OrderBook.Empty;

    public void Set(int leaderAccountId, OrderBook book)
    {
        _books[leaderAccountId] = book;
        _dirty[leaderAccountId] = 0;
        _signal.Writer.TryWrite(true);
    }

    public async Task LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var stored in await db.OrderBooks.AsNoTracking().ToListAsync(ct))
        {
            var snapshot = JsonSerializer.Deserialize<BookSnapshot>(stored.Json, Json)
                ?? throw new InvalidOperationException($"The stored order book of leader {stored.LeaderAccountId} is empty.");
            _books[stored.LeaderAccountId] = snapshot.Leaders.Aggregate(snapshot.Links.Aggregate(OrderBook.Empty, (b, l) => b.With(l)), (b, o) => b.With(o));
        }

        logger.LogInformation("Order books loaded: {Books} leaders, {Links} follower copies", _books.Count, _books.Values.Sum(b => b.Links.Count));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stoppingToken))
            {
                await batchWindow.WaitAsync(stoppingToken);
                _signal.Reader.TryRead(out _);
                await WriteDirtyAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await WriteDirtyAsync();
    }

    private async Task WriteDirtyAsync()
    {
        foreach (var leader in _dirty.Keys)
        {
            _dirty.TryRemove(leader, out _);
            var book = Get(leader);
            try
            {
                var json = JsonSerializer.Serialize(new BookSnapshot(book.Links.ToList(), book.LeaderOrders.ToList()), Json);
                await using var db = await dbFactory.CreateDbContextAsync();
                var stored = await db.OrderBooks.FindAsync(leader);
                if (stored is null)
                {
                    db.OrderBooks.Add(new StoredOrderBook { LeaderAccountId = leader, Json = json, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
                }
                else
                {
                    (stored.Json, stored.UpdatedUtc) = (json, clock.GetUtcNow().UtcDateTime);
                }

                await db.SaveChangesAsync();
            }
            catch (Exception ex)
            {
                _dirty[leader] = 0; // try again with the next change
                logger.LogError(ex, "Writing the order book of leader {LeaderAccountId} failed; it is kept in memory", leader);
            }
        }
    }

    private sealed record BookSnapshot(List<OrderLink> Links, List<TrackedLeaderOrder> Leaders);
}
