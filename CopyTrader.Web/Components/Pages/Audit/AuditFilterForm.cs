using CopyTrader.Infrastructure.Audit;
using CopyTrader.Web.Components.Shared;

namespace CopyTrader.Web.Components.Pages.Audit;

/// <summary>
/// The trail's filter as the user edits it. Times are UTC, typed or picked as "yyyy-MM-ddTHH:mm" (a datetime-local
/// input); an empty 'To' means "now", pinned when the filter is applied, so paging through it shows a stable list.
/// </summary>
public sealed class AuditFilterForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? ActorUserId { get; set; }
    public AuditChannel? Channel { get; set; }

    /// <summary>An action category from <see cref="AuditActions.Categories"/>.</summary>
    public string? Category { get; set; }

    public int? GroupId { get; set; }
    public string? Text { get; set; }

    /// <summary>
    /// The filter to run, with 'To' defaulting to <paramref name="now"/> and the visibility restriction
    /// <paramref name="onlyByUserId"/> (null for an admin) always on; false with a message the user can act on.
    /// </summary>
    public bool TryBuild(DateTimeOffset now, string? onlyByUserId, out AuditFilter filter, out string? error)
    {
        filter = AuditFilter.All;
        if (!UtcTimeInput.TryParse(From, "From", out var from, out error) || !UtcTimeInput.TryParse(To, "To", out var to, out error))
        {
            return false;
        }

        filter = new AuditFilter
        {
            FromUtc = from,
            ToUtc = to ?? now,
            ActorUserId = string.IsNullOrEmpty(ActorUserId) ? null : ActorUserId,
            Channel = Channel,
            Action = string.IsNullOrWhiteSpace(Category) ? null : Category,
            CopyGroupId = GroupId,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            OnlyByUserId = onlyByUserId,
        };
        var problems = filter.Problems();
        error = problems.Count == 0 ? null : string.Join(" ", problems.Values);
        return error is null;
    }
}
