namespace CopyTrader.Infrastructure.Users;

/// <summary>
/// The two roles. An admin sees and changes everything and manages users; a trader sees only the connections they
/// own, the groups led by their accounts and the copy log of their accounts.
/// </summary>
public static class UserRoles
{
    public const string Admin = "Admin";
    public const string Trader = "Trader";

    public static readonly IReadOnlyList<string> All = [Admin, Trader];
}
