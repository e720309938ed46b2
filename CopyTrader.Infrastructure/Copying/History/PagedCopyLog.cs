using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>One page of the filtered copy log, newest first, and how many entries the filter matches in all.</summary>
public sealed record PagedCopyLog(IReadOnlyList<CopyLogEntry> Items, int TotalCount, int Page, int PageSize);
