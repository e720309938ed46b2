using System.Runtime;
using System.Runtime.InteropServices;

namespace CopyTrader.Benchmarks;

/// <summary>The results as markdown, ready to paste into docs/benchmarks.md.</summary>
internal static class Report
{
    public const double GoalMicroseconds = 1_000;

    public static void Print(
        BenchSettings settings,
        (LatencyStats Stats, double OthersPercent) floor,
        IReadOnlyList<LatencyResult> latency,
        IReadOnlyList<StormSummary> storm,
        IReadOnlyList<PlannerResult> planner,
        string loadBefore,
        string loadAfter)
    {
        Console.WriteLine($"# CopyTrader benchmarks{(settings.Quick ? " (--quick: too few samples for a p99 to mean much)" : "")}");
        Console.WriteLine();
        if (settings.Diagnostics.Length > 0)
        {
            Console.WriteLine($"**Diagnostic run ({settings.Diagnostics}): the setup differs from the app's; these are not the benchmark's figures.**");
            Console.WriteLine();
        }

        Console.WriteLine(FormattableString.Invariant(
            $"Machine: {Environment.ProcessorCount} logical CPUs, {CpuModel()}, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC. ") +
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average before {loadBefore}, after {loadAfter}.");
        Console.WriteLine();
        Console.WriteLine("## Leader fill → last follower order handed to its connector (zero-latency brokers)");
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"{settings.WarmupFills} warm-up fills, then {settings.MeasuredFills} measured, one at a time, at most one every {settings.FillInterval.TotalMilliseconds:0.#} ms; each follower on its own broker login."));
        Console.WriteLine();
        Console.WriteLine("| Followers | Fills | p50 µs | p90 µs | p99 µs | max µs | mean µs | allocated / fill (process) | GCs 0/1/2 | CPU taken by other processes |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in latency)
        {
            Console.WriteLine($"| {r.Followers} | {Row(r.HubPath)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Of which until the hub has passed the fill (its `LeaderFill.ReceivedTimestamp`, i.e. the connector channel → hub pump hand-off and the hub's filters):");
        Console.WriteLine();
        Console.WriteLine("| Followers | p50 µs | p90 µs | p99 µs | max µs | mean µs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var r in latency.Where(r => r.HubPath.UntilHub is not null))
        {
            var s = r.HubPath.UntilHub!;
            Console.WriteLine(FormattableString.Invariant($"| {r.Followers} | {s.P50:N0} | {s.P90:N0} | {s.P99:N0} | {s.Max:N0} | {s.Mean:N0} |"));
        }

        var twenty = latency.FirstOrDefault(r => r.Followers == 20);
        if (twenty is not null)
        {
            var p99 = twenty.HubPath.Stats.P99;
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant(
                $"Goal p99 ≤ 1 ms at 20 followers: **{(p99 <= GoalMicroseconds ? "met" : "not met")}** (p99 {p99:N0} µs, p50 {twenty.HubPath.Stats.P50:N0} µs)."));
        }

        Console.WriteLine();
        Console.WriteLine("## Where the time goes");
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"Floor: the same two thread hand-offs (channel → thread-pool reader → channel → thread-pool reader) with no CopyTrader code. Engine only: `CopyEngine.CopyAsync` called on the measuring thread, no hand-off ({settings.EngineOnlyFills} fills)."));
        Console.WriteLine();
        Console.WriteLine("| What | Fills | p50 µs | p90 µs | p99 µs | max µs | mean µs | allocated / fill (process) | GCs 0/1/2 | CPU taken by other processes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(FormattableString.Invariant($"| Floor: 2 hand-offs | {Stats(floor.Stats)} | | | {floor.OthersPercent:0}% |"));
        foreach (var r in latency)
        {
            Console.WriteLine($"| Engine only, {r.Followers} follower(s) | {Row(r.EngineOnly)} |");
        }

        Console.WriteLine();
        var first = storm[0].Rounds[0];
        Console.WriteLine($"## Replay storm through the hub ({storm[0].Followers} followers)");
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"Each round: {first.Events:N0} events = {first.Duplicates:N0} already-processed leader fills, {first.NewFills:N0} new ones among them, 1 end marker; {storm[0].Rounds.Count} rounds per row."));
        Console.WriteLine();
        Console.WriteLine("| Hub's Information log | Events / s, median | slowest – fastest round | ms per round, median | Follower orders (expected) | Messages formatted | CPU taken by other processes, most |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in storm)
        {
            var rates = r.Rounds.Select(x => x.EventsPerSecond).Order().ToList();
            var ms = r.Rounds.Select(x => x.Seconds * 1000).Order().ElementAt(r.Rounds.Count / 2);
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Label} | {r.MedianEventsPerSecond:N0} | {rates[0]:N0} – {rates[^1]:N0} | {ms:N0} | {r.Rounds.Sum(x => x.Orders):N0} ({r.Rounds.Sum(x => x.ExpectedOrders):N0}) | {r.Rounds.Sum(x => x.LogMessagesFormatted):N0} | {r.Rounds.Max(x => x.OthersCpuPercent):0}% |"));
        }

        Console.WriteLine();
        Console.WriteLine("## CopyPlanner.Plan (one thread)");
        Console.WriteLine();
        Console.WriteLine("| Followers | Plans | Plans / s | Follower plans / s | µs / plan | allocated / plan |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var r in planner)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Followers} | {r.Plans:N0} | {r.PlansPerSecond:N0} | {r.PlansPerSecond * r.Followers:N0} | {r.MicrosecondsPerPlan:N2} | {r.AllocatedBytesPerPlan:N0} B |"));
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Row(PhaseResult r) => FormattableString.Invariant(
        $"{Stats(r.Stats)} | {r.AllocatedBytesPerFill / 1024.0:N1} KB | {string.Join("/", r.Collections)} | {r.OthersCpuPercent:0}%");

    private static string Stats(LatencyStats s) => FormattableString.Invariant(
        $"{s.Count:N0} | {s.P50:N0} | {s.P90:N0} | {s.P99:N0} | {s.Max:N0} | {s.Mean:N0}");

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
