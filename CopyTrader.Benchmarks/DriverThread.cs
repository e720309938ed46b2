namespace CopyTrader.Benchmarks;

/// <summary>
/// Runs a benchmark's driving loop on a thread of its own: it blocks while it waits for orders, and on two
/// cores a blocked thread-pool thread would leave the hub and the engine short of workers.
/// </summary>
internal static class DriverThread
{
    public static Task<T> RunAsync<T>(Func<T> drive)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(drive());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            Name = "Benchmark driver",
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }
}

/// <summary>Process-wide allocation and collection counts at one moment.</summary>
internal readonly record struct GcCounters(long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static GcCounters Now() =>
        new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Bytes allocated and collections (gen 0, 1, 2) since this moment.</summary>
    public (long Allocated, int[] Collections) Since()
    {
        var now = Now();
        return (now.Allocated - Allocated, [now.Gen0 - Gen0, now.Gen1 - Gen1, now.Gen2 - Gen2]);
    }
}
