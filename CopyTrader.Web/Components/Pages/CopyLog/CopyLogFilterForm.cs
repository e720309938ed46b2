using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Web.Components.Shared;

namespace CopyTrader.Web.Components.Pages.CopyLog;

/// <summary>
/// The filter as the user edits it. Times are UTC, typed or picked as "yyyy-MM-ddTHH:mm" (a datetime-local input).
/// An empty 'To' means "now", pinned when the filter is applied, so the grid, the statistics and the export cover the same rows.
/// </summary>
public sealed class CopyLogFilterForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public int? GroupId { get; set; }
    public int? FollowerAccountId { get; set; }
    public CopyOutcome? Outcome { get; set; }
    public string? Symbol { get; set; }

    /// <summary>The filter to run, with 'To' defaulting to <paramref name="now"/>; false with a message the user can act on.</summary>
    public bool TryBuild(DateTimeOffset now, out CopyLogFilter filter, out string? error)
    {
        filter = CopyLogFilter.All;
        if (!UtcTimeInput.TryParse(From, "From", out var from, out error) || !UtcTimeInput.TryParse(To, "To", out var to, out error))
        {
            return false;
        }

        filter = new CopyLogFilter
        {
            FromUtc = from,
            ToUtc = to ?? now,
            CopyGroupId = GroupId,
            FollowerAccountId = FollowerAccountId,
            Outcome = Outcome,
            Symbol = string.IsNullOrWhiteSpace(Symbol) ? null : Symbol.Trim(),
        };
        var problems = filter.Problems();
        error = problems.Count == 0 ? null : string.Join(" ", problems.Values);
        return error is null;
    }
}
