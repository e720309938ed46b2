namespace CopyTrader.Infrastructure.Users;

/// <summary>
/// What an admin does with users: invite traders or admins, change roles, disable and enable sign-in, and give a
/// broker connection to its owner. The caller checks that the acting user is an admin; this service keeps the
/// rules that protect the installation (there is always an enabled admin; nobody demotes or disables themselves).
/// </summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds a user without a password in <paramref name="role"/>; the invitation lets them choose one.</summary>
    Task<UserChangeResult> InviteAsync(string email, string role, CancellationToken ct = default);

    /// <summary>A fresh invitation for a user who has not chosen a password yet (the old link stops working).</summary>
    Task<UserChangeResult> RenewInvitationAsync(string userId, CancellationToken ct = default);

    /// <summary>Sets the invited user's password from the invitation link; the link works once.</summary>
    Task<UserChangeResult> AcceptInvitationAsync(string userId, string token, string password, CancellationToken ct = default);

    Task<UserChangeResult> SetRoleAsync(string actingUserId, string userId, string role, CancellationToken ct = default);

    /// <summary>A disabled user cannot sign in or use their API keys; open sessions end within a minute.</summary>
    Task<UserChangeResult> SetDisabledAsync(string actingUserId, string userId, bool disabled, CancellationToken ct = default);

    /// <summary>Gives a connection (and so its accounts, the groups they lead and their copy log) to a user; null: admins only.</summary>
    Task<UserChangeResult> AssignConnectionOwnerAsync(int connectionId, string? ownerUserId, CancellationToken ct = default);
}
