using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;

namespace CopyTrader.Tests.Web.CopyLog;

/// <summary>Records what the page asks for and answers from a fixed list, paged as asked.</summary>
internal sealed class FakeCopyLogQuery : ICopyLogQuery
{
    public List<(CopyLogFilter Filter, int Page, int PageSize)> PageCalls { get; } = [];
    public List<CopyLogFilter> StatsCalls { get; } = [];
    public List<CopyLogEntry> Entries { get; } = [];
    public LatencyStats Stats { get; set; } = new([], false, 100_000);
    public Exception? Failure { get; set; }

    public Task<PagedCopyLog> PageAsync(CopyLogFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        PageCalls.Add((filter, page, pageSize));
        return Failure is { } failure
            ? Task.FromException<PagedCopyLog>(failure)
            : Task.FromResult(new PagedCopyLog(Entries.Skip(page * pageSize).Take(pageSize).ToList(), Entries.Count, page, pageSize));
    }

    public Task<LatencyStats> LatencyStatsAsync(CopyLogFilter filter, CancellationToken ct = default)
    {
        StatsCalls.Add(filter);
        return Failure is { } failure ? Task.FromException<LatencyStats>(failure) : Task.FromResult(Stats);
    }

    public Task<int> ExportAsync(CopyLogFilter filter, Stream destination, CancellationToken ct = default) =>
        throw new InvalidOperationException("The page links to the export endpoint; it never exports itself.");
}
