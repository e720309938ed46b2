using System.Globalization;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;

namespace CopyTrader.Web.Components.Pages.Groups;

/// <summary>Field checks the setup forms show while typing; the service checks the same again when saving.</summary>
public static class SetupFormRules
{
    public const string TimeFormat = "HH:mm";

    public static string? GroupNameProblem(string? name, IEnumerable<string> takenNames)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null; // Required says so
        }

        if (trimmed.Length > CopyGroup.NameMaxLength)
        {
            return $"The group name must be at most {CopyGroup.NameMaxLength} characters.";
        }

        return takenNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase) ? $"A copy group named '{trimmed}' already exists." : null;
    }

    /// <summary>A contract root as typed (NQ, mnq); null when empty, since Required says so.</summary>
    public static string? RootProblem(string? root)
    {
        var trimmed = root?.Trim() ?? "";
        return trimmed.Length == 0 || (trimmed.Length <= ContractMapEntry.RootMaxLength && trimmed.All(char.IsAsciiLetterOrDigit))
            ? null
            : $"'{trimmed}' is not a contract root such as NQ or MNQ (letters and digits, at most {ContractMapEntry.RootMaxLength}).";
    }

    /// <summary>A time of day as 24-hour HH:mm; empty is allowed (no window).</summary>
    public static string? TimeProblem(string? text) =>
        string.IsNullOrWhiteSpace(text) || TryParseTime(text, out _) ? null : $"Enter the time as HH:mm on a 24-hour clock, e.g. 08:30 or 17:00 (got '{text.Trim()}').";

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", TimeFormat], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>A row already in the list for the same leader root, in the same words the service uses.</summary>
    public static string? DuplicateMapProblem(string? sourceRoot, IEnumerable<ContractMapView> existing, bool global)
    {
        var root = sourceRoot?.Trim() ?? "";
        var taken = existing.FirstOrDefault(m => string.Equals(m.Mapping.SourceRoot, root, StringComparison.OrdinalIgnoreCase));
        return taken is null
            ? null
            : $"{taken.Mapping.SourceRoot} is already mapped ({Describe(taken.Mapping)}) {(global ? "in the global maps" : "in this group")}; remove that row first to change it.";
    }

    public static string Describe(ContractMapping m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.SourceRoot} → {m.TargetRoot} ×{m.Ratio:0.######}");

    public static string Label(AccountOption account) =>
        account.DisplayName == account.ExternalId
            ? $"{account.DisplayName} · {account.ConnectionName}"
            : $"{account.DisplayName} ({account.ExternalId}) · {account.ConnectionName}";
}
