using System.Diagnostics;
using System.Threading.Channels;

namespace CopyTrader.Benchmarks;

/// <summary>
/// The machine's floor for the same shape of work without any CopyTrader code: a timestamp written to a channel,
/// read by a thread-pool reader that writes it to a second channel, read by a second reader that notes the time.
/// Those are the two hand-offs a leader fill makes (connector channel → hub pump, hub → engine leader queue), and
/// on an otherwise idle VM waking a parked thread is most of the latency.
/// </summary>
internal static class WakeFloor
{
    public static async Task<(LatencyStats Stats, double OthersPercent)> RunAsync(BenchSettings settings)
    {
        var first = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        var second = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        var arrived = new ManualResetEventSlim(false, spinCount: 0);
        long arrival = 0;
        var hop1 = Task.Run(async () =>
        {
            await foreach (var t in first.Reader.ReadAllAsync())
            {
                second.Writer.TryWrite(t);
            }

            second.Writer.Complete();
        });
        var hop2 = Task.Run(async () =>
        {
            await foreach (var t in second.Reader.ReadAllAsync())
            {
                Volatile.Write(ref arrival, Stopwatch.GetTimestamp());
                arrived.Set();
            }
        });

        var samples = new long[settings.MeasuredFills];
        var cpu = CpuShare.Now();
        await DriverThread.RunAsync(() =>
        {
            var interval = (long)(settings.FillInterval.TotalSeconds * Stopwatch.Frequency);
            var next = Stopwatch.GetTimestamp();
            for (var i = 0; i < settings.WarmupFills + settings.MeasuredFills; i++)
            {
                if (i == settings.WarmupFills)
                {
                    cpu = CpuShare.Now();
                }

                arrived.Reset();
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }

                var start = Stopwatch.GetTimestamp();
                first.Writer.TryWrite(start);
                arrived.Wait();
                if (i >= settings.WarmupFills)
                {
                    samples[i - settings.WarmupFills] = Volatile.Read(ref arrival) - start;
                }

                next = start + interval;
            }

            return 0;
        });

        var others = CpuShare.Now().OthersPercentSince(cpu);
        first.Writer.Complete();
        await Task.WhenAll(hop1, hop2);
        return (LatencyStats.Of(samples), others);
    }
}
