namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>The nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted values, always one that occurred.</summary>
internal static class NearestRank
{
    public static double Percentile(IReadOnlyList<double> sortedAscending, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sortedAscending.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)(((long)percent * sortedAscending.Count + 99) / 100); // ceil, in integers
        return sortedAscending[rank - 1];
    }
}
