using System.Globalization;

namespace CopyTrader.Web.Components.Shared;

/// <summary>
/// A UTC time as filter forms show and read it: "yyyy-MM-ddTHH:mm" (a datetime-local input), seconds and a space
/// separator accepted too; an empty text is "no bound".
/// </summary>
public static class UtcTimeInput
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly string[] Formats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>False with a message naming <paramref name="label"/> when the text is no such time.</summary>
    public static bool TryParse(string? text, string label, out DateTimeOffset? value, out string? error)
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
