namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>
/// The copy log as the copy log page, its statistics and its CSV export read it. A filter with problems
/// (<see cref="CopyLogFilter.Problems"/>) is refused with an <see cref="ArgumentException"/>, never answered with nothing.
/// </summary>
public interface ICopyLogQuery
{
    /// <summary>Page <paramref name="page"/> (0-based) of the matching entries, newest first.</summary>
    Task<PagedCopyLog> PageAsync(CopyLogFilter filter, int page, int pageSize, CancellationToken ct = default);

    Task<LatencyStats> LatencyStatsAsync(CopyLogFilter filter, CancellationToken ct = default);

    /// <summary>Streams the matching entries, newest first, as CSV with a header row; returns the number of entries written.</summary>
    Task<int> ExportAsync(CopyLogFilter filter, Stream destination, CancellationToken ct = default);
}
