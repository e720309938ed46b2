using System.Diagnostics;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Benchmarks;

/// <summary>
/// <see cref="CopyPlanner.Plan"/> alone, on one thread: a group of N followers with multipliers ×1, ×2 and ×0.5
/// in turn and the global micro presets as contract map, the leader trading NQZ6 (mapped to MNQZ6 ×10), its net
/// position cycling +1, +2, −1, −2 so every follower gets an order. Current positions come from a
/// <see cref="FollowerPositionBook"/>, as in the engine. Counts plans a second and the bytes each plan allocates.
/// </summary>
internal static class PlannerBenchmark
{
    private static readonly int[] LeaderNets = [1, 2, -1, -2];

    public static PlannerResult Run(int followers, TimeSpan duration)
    {
        var multipliers = new[] { 1m, 2m, 0.5m };
        var group = new CopyGroupSnapshot(1, "Benchmark", 1, AutoCopyEnabled: true,
            Enumerable.Range(1, followers).Select(i => new FollowerSnapshot(i, 100 + i, Enabled: true, FollowerRule.Default with { Multiplier = multipliers[i % 3] })).ToList());
        var map = new ContractMap(group.ContractMappings, ContractMapping.MicroPresets);
        var planner = new CopyPlanner(InstrumentCatalog.Default);
        var positions = new FollowerPositionBook();
        int Current(FollowerSnapshot follower, string symbol) => positions.TryGet(follower.Id, symbol, out var p) ? p : 0;

        // Warm-up, so the measured loop runs optimised code.
        var sink = 0;
        for (var i = 0; i < 20_000; i++)
        {
            sink += planner.Plan(group, map, "NQZ6", LeaderNets[i & 3], Current).Count;
        }

        long plans = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < 1024; i++)
            {
                sink += planner.Plan(group, map, "NQZ6", LeaderNets[i & 3], Current).Count;
            }

            plans += 1024;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end);

        var seconds = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.KeepAlive(sink);
        return new PlannerResult(followers, plans, seconds, allocated / plans);
    }
}

internal sealed record PlannerResult(int Followers, long Plans, double Seconds, long AllocatedBytesPerPlan)
{
    public double PlansPerSecond => Plans / Seconds;

    public double MicrosecondsPerPlan => Seconds * 1_000_000 / Plans;
}
