using CopyTrader.Domain.Configuration;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>Connection names (required, short, unique ignoring case) and the names of groups created for leaders.</summary>
internal static class ConnectionNames
{
    public static async Task<string?> ProblemAsync(CopyTraderDbContext db, string? name, int? exceptConnectionId, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "The connection name is required.";
        }

        if (trimmed.Length > BrokerConnection.NameMaxLength)
        {
            return $"The connection name must be at most {BrokerConnection.NameMaxLength} characters.";
        }

        var taken = await db.BrokerConnections.Where(c => c.Id != exceptConnectionId).Select(c => c.Name).ToListAsync(ct);
        return taken.Contains(trimmed, StringComparer.OrdinalIgnoreCase) ? $"A connection named '{trimmed}' already exists." : null;
    }

    /// <summary>The leader's name; when a group has it already, with the connection's name, then numbered.</summary>
    public static string ForLeaderGroup(string leaderName, string connectionName, ISet<string> taken)
    {
        var qualified = $"{leaderName} ({connectionName})";
        for (var n = 0; ; n++)
        {
            var name = n switch
            {
                0 => Fit(leaderName, ""),
                1 => Fit(qualified, ""),
                _ => Fit(qualified, $" {n}"),
            };
            if (taken.Add(name))
            {
                return name;
            }
        }
    }

    private static string Fit(string text, string suffix) =>
        (text.Length + suffix.Length > CopyGroup.NameMaxLength ? text[..(CopyGroup.NameMaxLength - suffix.Length)] : text) + suffix;
}
