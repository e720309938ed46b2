namespace CopyTrader.Infrastructure.Audit;

/// <summary>The filter as SQL: every criterion runs in the database, times on the indexed Unix-millisecond column.</summary>
internal static class AuditFilterSql
{
    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (filter.OnlyByUserId is { } onlyBy)
        {
            entries = entries.Where(e => e.ActorUserId == onlyBy);
        }

        if (filter.FromUtc is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            entries = entries.Where(e => e.OccurredUnixMs >= fromMs);
        }

        if (filter.ToUtc is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            entries = entries.Where(e => e.OccurredUnixMs < toMs);
        }

        if (filter.ActorUserId is { } actor)
        {
            entries = entries.Where(e => e.ActorUserId == actor);
        }

        if (filter.Channel is { } channel)
        {
            entries = entries.Where(e => e.Channel == channel);
        }

        if (filter.ActionCode is { } action)
        {
            var category = action + ".";
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(category));
        }

        if (filter.CopyGroupId is { } groupId)
        {
            entries = entries.Where(e => e.CopyGroupId == groupId);
        }

        if (filter.AccountId is { } accountId)
        {
            entries = entries.Where(e => e.AccountId == accountId);
        }

        if (filter.TextUpper is { } text)
        {
            entries = entries.Where(e => e.Subject.ToUpper().Contains(text) || e.Details.ToUpper().Contains(text));
        }

        return entries;
    }

    /// <summary>Newest first; the id breaks ties between entries of the same millisecond.</summary>
    public static IQueryable<AuditEntry> NewestFirst(this IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.OccurredUnixMs).ThenByDescending(e => e.Id);
}
