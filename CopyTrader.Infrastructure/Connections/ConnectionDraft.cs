using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>A connection as typed into the form, before it is saved. Its <see cref="ToString"/> shows no secret.</summary>
public sealed record ConnectionDraft(string Name, BrokerKind Kind, TradovateConnectionSettings? Tradovate = null)
{
    /// <summary>The kinds a user can add in this version.</summary>
    public static readonly IReadOnlyList<BrokerKind> SupportedKinds = [BrokerKind.Simulator, BrokerKind.Tradovate];

    /// <summary>Who will own the saved connection (the user adding it); null: only admins see it.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>The reasons this draft cannot be tested or saved, apart from its name; empty when usable.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string> tradovateEnvironments) => Kind switch
    {
        BrokerKind.Simulator => [],
        BrokerKind.Tradovate when Tradovate is null => ["The Tradovate login is required."],
        BrokerKind.Tradovate when Tradovate.Problems() is { Count: > 0 } problems => problems,
        BrokerKind.Tradovate when !tradovateEnvironments.Contains(Tradovate.Environment, StringComparer.OrdinalIgnoreCase) =>
            [$"Unknown Tradovate environment '{Tradovate.Environment}'; configured: {string.Join(", ", tradovateEnvironments)}."],
        BrokerKind.Tradovate => [],
        _ => [$"{Kind} connections cannot be added in this version."],
    };

    /// <summary>The plain JSON that gets protected into the connection's stored credentials.</summary>
    internal string CredentialsJson() => Kind == BrokerKind.Tradovate && Tradovate is not null ? Tradovate.ToJson() : "{}";
}
