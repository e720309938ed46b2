using CopyTrader.Benchmarks;

// dotnet run -c Release --project CopyTrader.Benchmarks [-- --quick]   (options: BenchSettings.Usage)
// Progress goes to stderr; the markdown report to stdout.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (settings.MinThreads is { } minThreads)
{
    ThreadPool.SetMinThreads(minThreads, minThreads);
}

var loadBefore = Report.LoadAverage();

Console.Error.WriteLine("Floor: two thread-pool hand-offs, no CopyTrader code...");
var floor = await WakeFloor.RunAsync(settings);

var latency = new List<LatencyResult>();
foreach (var followers in settings.FollowerCounts)
{
    Console.Error.WriteLine($"Latency, {followers} follower(s): {settings.WarmupFills} warm-up + {settings.MeasuredFills} measured fills, then {settings.EngineOnlyFills} through the engine alone...");
    latency.Add(await LatencyBenchmark.RunAsync(followers, settings));
}

Console.Error.WriteLine($"Replay storm, {BenchSettings.ReplayFollowers} followers, {settings.ReplayDuplicates} duplicates...");
var storm = await ReplayStormBenchmark.RunAsync(BenchSettings.ReplayFollowers, settings);

Console.Error.WriteLine("CopyPlanner.Plan...");
var planner = settings.FollowerCounts.Select(n => PlannerBenchmark.Run(n, settings.PlannerDuration)).ToList();

Report.Print(settings, floor, latency, storm, planner, loadBefore, Report.LoadAverage());
return 0;
