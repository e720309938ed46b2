using System.Diagnostics;
using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Benchmarks;

/// <summary>
/// Internal copy latency, in one host per follower count:
/// <list type="number">
/// <item><b>Hub path</b> (the headline): from the moment a leader fill is written to the leader connector's event
/// channel to the moment the last of the N follower orders for it is handed to its (zero-latency) connector.
/// Covers the hub (pump, history / duplicate / loop filters, ledger, net position), the hand-off to the engine's
/// leader queue, planning, CopyTag, throttle, the connector calls, and the background log and ledger writers
/// competing for the CPU.</item>
/// <item><b>Engine only</b> (to split the figure): <c>CopyEngine.CopyAsync</c> called on the driver thread, so no
/// thread hand-off: what the engine itself spends on N followers.</item>
/// </list>
/// Fills go one at a time: the next is written when every order of the last one is in, and at least
/// <see cref="BenchSettings.FillInterval"/> after it.
/// </summary>
internal static class LatencyBenchmark
{
    public const string Symbol = "MNQZ6";

    public static async Task<LatencyResult> RunAsync(int followers, BenchSettings settings)
    {
        await using var host = await BenchHost.StartAsync(followers, settings);
        var leader = host.Leader;
        var receipts = new HubReceipts();
        host.Hub.LeaderFillReceived += receipts.OnLeaderFill; // after the engine's handler: it only notes the hub's own timestamp
        var hub = await MeasureAsync(host, settings, "HUB", settings.WarmupFills, settings.MeasuredFills, (fill, _) => leader.Publish(fill), receipts);
        host.Hub.LeaderFillReceived -= receipts.OnLeaderFill;

        var engine = host.Services.GetRequiredService<CopyEngine>();
        var net = 0; // the hub path sent an even number of buy / sell pairs: the leader is flat again
        var direct = await MeasureAsync(host, settings, "ENGINE", settings.WarmupFills / 4, settings.EngineOnlyFills, (fill, _) =>
        {
            net += fill.Side.Sign() * fill.Quantity;
            engine.CopyAsync(new LeaderFill(host.LeaderAccountId, fill, net, Stopwatch.GetTimestamp())).GetAwaiter().GetResult();
        });

        if (host.Orders.Strays > 0)
        {
            throw new InvalidOperationException($"{host.Orders.Strays} orders arrived that belonged to no measured fill.");
        }

        return new LatencyResult(followers, hub, direct);
    }

    private static async Task<PhaseResult> MeasureAsync(
        BenchHost host, BenchSettings settings, string name, int warmup, int measured, Action<FillEvent, int> send, HubReceipts? receipts = null)
    {
        var samples = new long[measured];
        var untilHub = new long[measured];
        var cpu = CpuShare.Now();
        var (allocated, collections) = await DriverThread.RunAsync(() =>
        {
            var interval = (long)(settings.FillInterval.TotalSeconds * Stopwatch.Frequency);
            var next = Stopwatch.GetTimestamp();
            var counters = GcCounters.Now();
            for (var i = 0; i < warmup + measured; i++)
            {
                if (i == warmup)
                {
                    counters = GcCounters.Now();
                    cpu = CpuShare.Now();
                }

                // Built before the clock starts: the broker's socket layer would have made it.
                var fillId = $"{name}-{host.FollowerCount}-{i.ToString(CultureInfo.InvariantCulture)}";
                var side = i % 2 == 0 ? Side.Buy : Side.Sell; // the leader goes 0 → 1 → 0: every fill moves every follower
                var fill = new FillEvent(DateTimeOffset.UtcNow, BenchHost.LeaderExternalId, fillId, $"ORDER-{fillId}", null, Symbol, side, 1, 21_000m);
                host.Orders.Expect(OrderRecorder.TagPrefix(host.LeaderAccountId, fillId), host.FollowerCount);
                receipts?.Expect(fillId);

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }

                var start = Stopwatch.GetTimestamp();
                send(fill, i);
                if (!host.Orders.WaitForAll(TimeSpan.FromSeconds(10)))
                {
                    throw new TimeoutException($"Leader fill {fillId}: not every one of the {host.FollowerCount} follower orders arrived within 10 s.");
                }

                if (i >= warmup)
                {
                    samples[i - warmup] = host.Orders.LastTimestamp - start;
                    untilHub[i - warmup] = receipts is null ? 0 : receipts.WaitForTimestamp() - start;
                }

                next = start + interval;
            }

            host.Orders.ExpectNothing();
            return counters.Since();
        });

        return new PhaseResult(LatencyStats.Of(samples), receipts is null ? null : LatencyStats.Of(untilHub), allocated / measured, collections, CpuShare.Now().OthersPercentSince(cpu));
    }

    /// <summary>
    /// The hub's own timestamp of the measured fill (<see cref="LeaderFill.ReceivedTimestamp"/>, taken when its
    /// filters pass it), which splits the latency into "until the hub has it" and "hub to the last order".
    /// </summary>
    private sealed class HubReceipts
    {
        private string? _fillId;
        private long _timestamp;

        /// <summary>
        /// The hub's timestamp of the expected fill. Our handler runs after the engine's, on the hub's thread, so
        /// the orders can all be in before it has run: wait for it (the measurement is already taken).
        /// </summary>
        public long WaitForTimestamp() =>
            SpinWait.SpinUntil(() => Interlocked.Read(ref _timestamp) != 0, TimeSpan.FromSeconds(10))
                ? Interlocked.Read(ref _timestamp)
                : throw new TimeoutException($"The hub never passed leader fill {_fillId}.");

        public void Expect(string fillId)
        {
            Interlocked.Exchange(ref _timestamp, 0);
            Volatile.Write(ref _fillId, fillId);
        }

        public void OnLeaderFill(LeaderFill fill)
        {
            if (fill.EventId == Volatile.Read(ref _fillId))
            {
                Interlocked.Exchange(ref _timestamp, fill.ReceivedTimestamp);
            }
        }
    }
}

internal sealed record LatencyResult(int Followers, PhaseResult HubPath, PhaseResult EngineOnly);

/// <summary>
/// Latency percentiles (and, on the hub path, of the part until the hub has passed the fill), bytes allocated per
/// fill by the whole process, GCs (gen 0/1/2), and other processes' CPU share meanwhile.
/// </summary>
internal sealed record PhaseResult(LatencyStats Stats, LatencyStats? UntilHub, long AllocatedBytesPerFill, int[] Collections, double OthersCpuPercent);

/// <summary>Percentiles of Stopwatch-tick samples, in microseconds (nearest rank).</summary>
internal sealed record LatencyStats(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencyStats Of(long[] ticks)
    {
        var us = ticks.Select(t => t * 1_000_000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LatencyStats(us.Length, Rank(us, 0.50), Rank(us, 0.90), Rank(us, 0.99), us[^1], us.Average());
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
