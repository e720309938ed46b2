using System.Globalization;

namespace CopyTrader.Benchmarks;

/// <summary>
/// How much to run: the full run (about a minute and a half on two cores) or <c>--quick</c> (a smoke test), and
/// two diagnostics that change the setup to show where latency comes from; they are not the benchmark.
/// </summary>
internal sealed record BenchSettings(
    bool Quick,
    int WarmupFills,
    int MeasuredFills,
    int EngineOnlyFills,
    TimeSpan FillInterval,
    int ReplayDuplicates,
    int ReplayNewFillEvery,
    int ReplayRounds,
    TimeSpan PlannerDuration)
{
    public const int ReplayFollowers = 20;

    public const string Usage = """
        dotnet run -c Release --project CopyTrader.Benchmarks [-- options]
          --quick              fewer fills (a smoke test; its p99 means little)
          --interval-ms N      least time between two leader fills, at least 1 (default 5)
          --followers N[,N..]  follower counts for the latency runs (default 1,20,100)
        Diagnostics (change the setup; not the benchmark):
          --null-copy-log      copy log entries go nowhere instead of to the background SQLite writer
          --min-threads N      ThreadPool.SetMinThreads(N, N) before anything starts
        """;

    public IReadOnlyList<int> FollowerCounts { get; init; } = [1, 20, 100];

    public bool NullCopyLog { get; init; }

    public int? MinThreads { get; init; }

    /// <summary>What the diagnostics changed, for the report; empty for a plain run.</summary>
    public string Diagnostics => string.Join(", ", new[]
    {
        NullCopyLog ? "--null-copy-log" : null,
        MinThreads is { } n ? $"--min-threads {n}" : null,
    }.OfType<string>());

    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var settings = quick
            ? new BenchSettings(true, 50, 300, 150, TimeSpan.FromMilliseconds(5), 20_000, 1_000, 3, TimeSpan.FromSeconds(0.5))
            : new BenchSettings(false, 200, 2_000, 1_000, TimeSpan.FromMilliseconds(5), 100_000, 1_000, 5, TimeSpan.FromSeconds(2));
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings,
                "--null-copy-log" => settings with { NullCopyLog = true },
                "--interval-ms" => settings with { FillInterval = TimeSpan.FromMilliseconds(Number(args, ++i, min: 1)) },
                "--min-threads" => settings with { MinThreads = (int)Number(args, ++i, min: 1) },
                "--followers" => settings with { FollowerCounts = Value(args, ++i).Split(',').Select(n => (int)Number([n], 0, min: 1)).ToList() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}"),
            };
        }

        return settings;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.{Environment.NewLine}{Usage}");

    private static double Number(string[] args, int i, double min) =>
        double.TryParse(Value(args, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"'{args[i]}' is not a number of at least {min}.{Environment.NewLine}{Usage}");
}
