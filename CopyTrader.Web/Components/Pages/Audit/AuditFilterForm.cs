using System.Globalization;
using CopyTrader.Infrastructure.Audit;

namespace CopyTrader.Web.Components.Pages.Audit;

/// <summary>
/// The trail's filter as the user edits it. Times are UTC, typed or picked as "yyyy-MM-ddTHH:mm" (a datetime-local
/// input); an empty 'To' means "now", pinned when the filter is applied, so paging through it shows a stable list.
/// </summary>
public sealed class AuditFilterForm
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly string[] Formats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public string? From { get; set; }
    public string? To { get; set; }
    public string? ActorUserId { get; set; }
    public AuditChannel? Channel { get; set; }

    /// <summary>An action category from <see cref="AuditActions.Categories"/>.</summary>
    public string? Category { get; set; }

    public int? GroupId { get; set; }
    public string? Text { get; set; }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The filter to run, with 'To' defaulting to <paramref name="now"/> and the visibility restriction
    /// <paramref name="onlyByUserId"/> (null for an admin) always on; false with a message the user can act on.
    /// </summary>
    public bool TryBuild(DateTimeOffset now, string? onlyByUserId, out AuditFilter filter, out string? error)
    {
        filter = AuditFilter.All;
        if (!TryParse(From, "From", out var from, out error) || !TryParse(To, "To", out var to, out error))
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

    private static bool TryParse(string? text, string label, out DateTimeOffset? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
            return true;
        }

        error = $"'{label}' must be a UTC date and time such as 2026-11-23T14:30, not '{text}'.";
        return false;
    }
}
