using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>The filter as SQL: every criterion runs in the database, times on the indexed Unix-millisecond column.</summary>
internal static class CopyLogFilterSql
{
    public static IQueryable<CopyLogEntry> Matching(this IQueryable<CopyLogEntry> entries, CopyLogFilter filter)
    {
        if (filter.FromUtc is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            entries = entries.Where(e => e.CreatedUnixMs >= fromMs);
        }

        if (filter.ToUtc is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            entries = entries.Where(e => e.CreatedUnixMs < toMs);
        }

        if (filter.CopyGroupId is { } groupId)
        {
            entries = entries.Where(e => e.CopyGroupId == groupId);
        }

        if (filter.FollowerAccountId is { } accountId)
        {
            entries = entries.Where(e => e.FollowerAccountId == accountId);
        }

        if (filter.VisibleAccountIds is { } visible)
        {
            var ids = visible.ToList();
            entries = entries.Where(e => ids.Contains(e.LeaderAccountId) || ids.Contains(e.FollowerAccountId));
        }

        if (filter.Outcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }

        if (filter.SymbolPrefix is { } symbol)
        {
            entries = entries.Where(e => e.Symbol.ToUpper().StartsWith(symbol) || e.LeaderSymbol.ToUpper().StartsWith(symbol));
        }

        return entries;
    }

    /// <summary>Newest first; the id breaks ties between entries of the same millisecond.</summary>
    public static IQueryable<CopyLogEntry> NewestFirst(this IQueryable<CopyLogEntry> entries) =>
        entries.OrderByDescending(e => e.CreatedUnixMs).ThenByDescending(e => e.Id);
}
