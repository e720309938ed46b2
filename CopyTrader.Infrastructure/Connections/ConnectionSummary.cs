using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>
/// A saved connection with its accounts. <see cref="Environment"/> is the Tradovate environment; when the stored
/// credentials cannot be read (lost keys, damaged JSON), <see cref="CredentialsError"/> says why.
/// </summary>
public sealed record ConnectionSummary(
    int Id,
    string Name,
    BrokerKind Kind,
    string? Environment,
    string? CredentialsError,
    IReadOnlyList<AccountSummary> Accounts)
{
    /// <summary>The owning user's id; null when only admins see the connection.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>Deleting is refused while any account leads or follows in a copy group.</summary>
    public bool InUse => Accounts.Any(a => a.Roles.Count > 0);
}

public sealed record AccountSummary(int Id, string ExternalId, string DisplayName, IReadOnlyList<AccountGroupRole> Roles);

/// <summary>One place an account has in a copy group.</summary>
public sealed record AccountGroupRole(AccountRole Role, int GroupId, string GroupName);

/// <summary>A copy group a new follower can join.</summary>
public sealed record LeaderGroupOption(int GroupId, string GroupName, string LeaderName);
