using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>The trail's words for connection changes; never a credential (no password, secret, or token).</summary>
internal static class ConnectionAudit
{
    /// <summary>The broker (and Tradovate environment) and what each account became.</summary>
    public static string Added(ConnectionDraft draft, IEnumerable<string> accountRoles)
    {
        var broker = draft.Kind == BrokerKind.Tradovate && draft.Tradovate is { } login ? $"Tradovate, environment {login.Environment}" : draft.Kind.ToString();
        return $"Broker {broker}; accounts: {string.Join("; ", accountRoles)}";
    }

    public static string Role(AccountChoice choice, string? ledGroup, string? followedGroup)
    {
        var roles = new[] { ledGroup is null ? null : $"leads new group '{ledGroup}' (auto-copy off)", followedGroup is null ? null : $"follows group '{followedGroup}' ×1" }
            .OfType<string>()
            .ToList();
        return $"'{AccountChoiceRules.DisplayName(choice)}' ({choice.ExternalId.Trim()}) {(roles.Count == 0 ? "saved without a copy role" : string.Join(" and ", roles))}";
    }
}
