using CopyTrader.Domain.Configuration;

namespace CopyTrader.Web.Components.Pages.Connections;

/// <summary>Field checks the forms show while typing; the service checks the same again when saving.</summary>
public static class ConnectionFormRules
{
    public static string? NameProblem(string? name, IEnumerable<string> takenNames)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null; // Required says so
        }

        if (trimmed.Length > BrokerConnection.NameMaxLength)
        {
            return $"The connection name must be at most {BrokerConnection.NameMaxLength} characters.";
        }

        return takenNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase) ? $"A connection named '{trimmed}' already exists." : null;
    }

    public static string? CidProblem(long? cid) => cid is <= 0 ? $"The API key id (cid) must be a positive number (got {cid})." : null;
}
