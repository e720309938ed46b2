using System.Globalization;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>A setting as the trail shows it: its label and its value in words.</summary>
public sealed record AuditField(string Label, string Value);

/// <summary>
/// The details text of the trail, from the fields of a thing before and after a change: "Multiplier 1 → 2;
/// Max position none → 5". Pure, so each wording is tested once and every service says it the same way.
/// </summary>
public static class AuditDiff
{
    public const string NoChange = "No change";

    /// <summary>Each field whose value differs, as "Label before → after", in the order of <paramref name="after"/>; <see cref="NoChange"/> when none does.</summary>
    public static string Changes(IReadOnlyList<AuditField> before, IReadOnlyList<AuditField> after)
    {
        var old = before.ToDictionary(f => f.Label, f => f.Value, StringComparer.Ordinal);
        var changed = after
            .Where(f => !old.TryGetValue(f.Label, out var was) || was != f.Value)
            .Select(f => old.TryGetValue(f.Label, out var was) ? $"{f.Label} {was} → {f.Value}" : $"{f.Label} {f.Value}")
            .Concat(before.Where(f => after.All(a => a.Label != f.Label)).Select(f => $"{f.Label} {f.Value} → removed"))
            .ToList();
        return changed.Count == 0 ? NoChange : string.Join("; ", changed);
    }

    /// <summary>Every field as "Label value", for something created or deleted.</summary>
    public static string Listing(IReadOnlyList<AuditField> fields) => string.Join("; ", fields.Select(f => $"{f.Label} {f.Value}"));

    /// <summary>True when at least one field differs.</summary>
    public static bool Differ(IReadOnlyList<AuditField> before, IReadOnlyList<AuditField> after) => Changes(before, after) != NoChange;

    public static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>A number as typed: 2, 0.5, 1.25 (no trailing zeros, invariant culture); null is "none".</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##########", CultureInfo.InvariantCulture) : "none";

    public static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "none";

    public static string Time(TimeOnly? value) => value is { } v ? v.ToString("HH:mm", CultureInfo.InvariantCulture) : "none";

    public static string Quoted(string? value) => value is null ? "none" : $"'{value}'";

    /// <summary>A set of words, sorted, or "none": "ES, NQ".</summary>
    public static string List(IEnumerable<string> values) =>
        values.Order(StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } sorted ? string.Join(", ", sorted) : "none";
}
