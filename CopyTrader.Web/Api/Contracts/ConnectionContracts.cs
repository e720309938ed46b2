using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// A saved broker connection without its credentials. <see cref="CredentialsError"/> says why the stored login
/// cannot be read (lost keys, damaged data), or is null.
/// </summary>
public sealed record ConnectionDto(
    int Id, string Name, BrokerKind Kind, string? Environment, string? CredentialsError, LiveStateDto Live, IReadOnlyList<ConnectionAccountDto> Accounts)
{
    public static ConnectionDto Of(ConnectionSummary c, LiveStateDto live) =>
        new(c.Id, c.Name, c.Kind, c.Environment, c.CredentialsError, live,
            c.Accounts.Select(a => new ConnectionAccountDto(a.Id, a.ExternalId, a.DisplayName, a.Roles.Select(r => new AccountRoleDto(r.Role, r.GroupId, r.GroupName)).ToList())).ToList());
}

public sealed record ConnectionAccountDto(int Id, string ExternalId, string DisplayName, IReadOnlyList<AccountRoleDto> Roles);

public sealed record AccountRoleDto(AccountRole Role, int GroupId, string GroupName);
