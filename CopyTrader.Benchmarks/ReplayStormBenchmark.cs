using System.Diagnostics;
using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Benchmarks;

/// <summary>
/// A broker's session replay through the hub, <see cref="BenchSettings.ReplayRounds"/> rounds with the hub's Information
/// log off and as many with it formatted: D leader fills the app has already processed (in the fill ledger,
/// written to the database before the clock starts), with one new fill after every
/// <see cref="BenchSettings.ReplayNewFillEvery"/> duplicates, written to the leader connector's event channel as
/// fast as the writer can go, then a balance update as an end marker. Measured: from the first write to the
/// hub raising the marker's account state, i.e. every event read, filtered (history, ledger dedup, loop) and the
/// new fills handed to the engine; events per second = events written / that time. The engine copies the new
/// fills to the group's followers meanwhile, on the same two cores; afterwards every follower order is counted,
/// to show that exactly the new fills, and no duplicate, were copied.
/// </summary>
internal static class ReplayStormBenchmark
{
    public static async Task<IReadOnlyList<StormSummary>> RunAsync(int followers, BenchSettings settings)
    {
        await using var host = await BenchHost.StartAsync(followers, settings);
        var processed = Enumerable.Range(0, settings.ReplayDuplicates).Select(i => $"SESSION-{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        await MarkProcessedAsync(host, processed);

        await ReplayAsync(host, settings, processed, settings.ReplayDuplicates / 10); // warm-up
        var summaries = new List<StormSummary>();
        foreach (var (label, formatInformation) in new[] { ("off (as in the latency runs)", false), ("formatted, then discarded", true) })
        {
            host.Logs.FormatInformation = formatInformation;
            var rounds = new List<StormResult>();
            for (var round = 0; round < settings.ReplayRounds; round++)
            {
                rounds.Add(await ReplayAsync(host, settings, processed, settings.ReplayDuplicates));
            }

            summaries.Add(new StormSummary(label, followers, rounds));
        }

        host.Logs.FormatInformation = false;
        return summaries;
    }

    /// <summary>
    /// The fills of the session, as the hub records a first-seen leader fill; waits until the ledger has written
    /// them all, so its background insert does not run during the measurement.
    /// </summary>
    private static async Task MarkProcessedAsync(BenchHost host, string[] fillIds)
    {
        var ledger = host.Services.GetRequiredService<FillLedger>();
        foreach (var id in fillIds)
        {
            ledger.FirstTime(host.LeaderAccountId, id);
        }

        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>();
        await BenchHost.WaitUntilAsync(() =>
        {
            using var db = dbFactory.CreateDbContext();
            return db.ProcessedLeaderFills.Count(f => f.LeaderAccountId == host.LeaderAccountId) >= fillIds.Length;
        }, "the fill ledger to write the session's fills", timeoutSeconds: 120);
    }

    private static async Task<StormResult> ReplayAsync(BenchHost host, BenchSettings settings, string[] processed, int duplicates)
    {
        // Every event is built before the clock starts; the new fills alternate buy / sell, so each moves every follower.
        var round = Guid.NewGuid().ToString("N")[..8];
        var events = new List<BrokerEvent>(duplicates + duplicates / settings.ReplayNewFillEvery + 1);
        var newFills = 0;
        var time = DateTimeOffset.UtcNow;
        for (var i = 0; i < duplicates; i++)
        {
            events.Add(new FillEvent(time, BenchHost.LeaderExternalId, processed[i], $"SESSION-ORDER-{i}", null, LatencyBenchmark.Symbol, i % 2 == 0 ? Side.Buy : Side.Sell, 1, 21_000m));
            if ((i + 1) % settings.ReplayNewFillEvery == 0)
            {
                events.Add(new FillEvent(time, BenchHost.LeaderExternalId, $"NEW-{round}-{newFills}", $"NEW-ORDER-{round}-{newFills}", null, LatencyBenchmark.Symbol, newFills % 2 == 0 ? Side.Buy : Side.Sell, 1, 21_000m));
                newFills++;
            }
        }

        var markerBalance = new AccountBalance(Random.Shared.Next(1, int.MaxValue), 0m, 0m);
        var markerSeen = new ManualResetEventSlim(false, spinCount: 0);
        void OnState(AccountState state)
        {
            if (state.AccountId == host.LeaderAccountId && state.Balance == markerBalance)
            {
                markerSeen.Set();
            }
        }

        var ordersBefore = host.Orders.Orders;
        var formattedBefore = host.Logs.Formatted;
        var leader = host.Leader;
        host.Hub.AccountStateChanged += OnState;
        double seconds;
        var cpu = CpuShare.Now();
        try
        {
            seconds = await DriverThread.RunAsync(() =>
            {
                var start = Stopwatch.GetTimestamp();
                foreach (var e in events)
                {
                    leader.Publish(e);
                }

                leader.Publish(new BalanceUpdateEvent(time, BenchHost.LeaderExternalId, markerBalance));
                if (!markerSeen.Wait(TimeSpan.FromSeconds(120)))
                {
                    throw new TimeoutException("The hub did not get through the replay within 120 s.");
                }

                return Stopwatch.GetElapsedTime(start).TotalSeconds;
            });
        }
        finally
        {
            host.Hub.AccountStateChanged -= OnState;
        }

        var others = CpuShare.Now().OthersPercentSince(cpu);
        var expectedOrders = (long)newFills * host.FollowerCount;
        await BenchHost.WaitUntilAsync(() => host.Orders.Orders - ordersBefore >= expectedOrders, $"{expectedOrders} follower orders of the new fills");
        await Task.Delay(200); // anything copied by mistake would show up by now
        return new StormResult(duplicates, newFills, seconds, host.Orders.Orders - ordersBefore, expectedOrders, host.Logs.Formatted - formattedBefore, others);
    }
}

internal sealed record StormResult(int Duplicates, int NewFills, double Seconds, long Orders, long ExpectedOrders, long LogMessagesFormatted, double OthersCpuPercent)
{
    public int Events => Duplicates + NewFills + 1;

    public double EventsPerSecond => Events / Seconds;
}

/// <summary>Rounds of the same replay: one round is short (tens of milliseconds), so the median and the range are reported.</summary>
internal sealed record StormSummary(string Label, int Followers, IReadOnlyList<StormResult> Rounds)
{
    public double MedianEventsPerSecond => Rounds.Select(r => r.EventsPerSecond).Order().ElementAt(Rounds.Count / 2);
}
