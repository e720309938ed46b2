using System.Globalization;

namespace CopyTrader.Benchmarks;

/// <summary>
/// CPU time from Linux's /proc: the whole machine's and this process's. The machine may be shared (builds,
/// other test runs), and on two cores anything else running shows up in the tails, so every result says how
/// much of the CPUs other processes took meanwhile. Not available elsewhere (NaN).
/// </summary>
internal readonly record struct CpuShare(long Busy, long Total, long Self)
{
    public static CpuShare Now()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
            // pid (comm) state ... utime stime: fields 14 and 15, i.e. 12 and 13 after the ")".
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            return new CpuShare(busy, busy + cpu[3] + cpu[4], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return new CpuShare(-1, -1, -1);
        }
    }

    /// <summary>Percent of all CPUs' time since <paramref name="start"/> that other processes used (hypervisor steal included).</summary>
    public double OthersPercentSince(CpuShare start)
    {
        var total = Total - start.Total;
        return start.Total < 0 || total <= 0 ? double.NaN : 100.0 * Math.Max(0, Busy - start.Busy - (Self - start.Self)) / total;
    }
}
