using System.Globalization;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;

namespace CopyTrader.Web.Components.Pages.CopyLog;

/// <summary>
/// The filter as the user edits it. Times are UTC, typed or picked as "yyyy-MM-ddTHH:mm" (a datetime-local input).
/// An empty 'To' means "now", pinned when the filter is applied, so the grid, the statistics and the export cover the same rows.
/// </summary>
public sealed class CopyLogFilterForm
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly string[] Formats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public string? From { get; set; }
    public string? To { get; set; }
    public int? GroupId { get; set; }
    public int? FollowerAccountId { get; set; }
    public CopyOutcome? Outcome { get; set; }
    public string? Symbol { get; set; }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>The filter to run, with 'To' defaulting to <paramref name="now"/>; false with a message the user can act on.</summary>
    public bool TryBuild(DateTimeOffset now, out CopyLogFilter filter, out string? error)
    {
        filter = CopyLogFilter.All;
        if (!TryParse(From, "From", out var from, out error) || !TryParse(To, "To", out var to, out error))
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
