using System.ComponentModel.DataAnnotations;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Users;

/// <summary>Identity's UserManager in a scope per call (this service lives as long as the app).</summary>
internal sealed class UserAdministration(
    IServiceScopeFactory scopes,
    ICopyConfigStore config,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    IAuditTrail audit,
    TimeProvider clock) : IUserAdministration
{
    /// <summary>Lockout this far ahead means "disabled by an admin", not the temporary lockout after failed sign-ins.</summary>
    private static readonly TimeSpan DisabledHorizon = TimeSpan.FromDays(365 * 100);

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var owned = await db.BrokerConnections.Where(c => c.OwnerUserId != null).GroupBy(c => c.OwnerUserId!)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UserId, g => g.Count, ct);
        return users.Select(u => new UserSummary(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "none",
            IsDisabled(u),
            u.PasswordHash is null,
            owned.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<UserChangeResult> InviteAsync(string email, string role, CancellationToken ct = default)
    {
        email = email.Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length == 0)
        {
            return UserChangeResult.Refused($"'{email}' is not an email address.");
        }

        if (!UserRoles.All.Contains(role))
        {
            return UserChangeResult.Refused($"Unknown role '{role}'; choose {string.Join(" or ", UserRoles.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        Audit(scope, AuditActions.UserInvited, user, $"Role {role}; invitation link issued");
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? UserChangeResult.Invited(await InvitationAsync(users, user)) : Refused(added);
    }

    public async Task<UserChangeResult> RenewInvitationAsync(string userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChangeResult.Refused($"User {userId} does not exist.");
        }

        if (user.PasswordHash is not null)
        {
            return UserChangeResult.Refused($"{user.Email} already chose a password; there is nothing to accept.");
        }

        Audit(scope, AuditActions.UserInvitationRenewed, user, "New invitation link issued; the previous one stops working");
        await users.UpdateSecurityStampAsync(user); // the previous link stops working
        return UserChangeResult.Invited(await InvitationAsync(users, user));
    }

    public async Task<UserChangeResult> AcceptInvitationAsync(string userId, string token, string password, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        const string Unusable = "This invitation link is not valid any more (used, expired or replaced). Ask your admin for a new one.";
        if (await users.FindByIdAsync(userId) is not { } user || user.PasswordHash is not null)
        {
            return UserChangeResult.Refused(Unusable);
        }

        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? UserChangeResult.Refused(Unusable) : Refused(reset);
        }

        user.EmailConfirmed = true;
        Audit(scope, AuditActions.UserInvitationAccepted, user, "Password chosen");
        var confirmed = await users.UpdateAsync(user);
        return confirmed.Succeeded ? UserChangeResult.Done : Refused(confirmed);
    }

    public async Task<UserChangeResult> SetRoleAsync(string actingUserId, string userId, string role, CancellationToken ct = default)
    {
        if (!UserRoles.All.Contains(role))
        {
            return UserChangeResult.Refused($"Unknown role '{role}'; choose {string.Join(" or ", UserRoles.All)}.");
        }

        if (actingUserId == userId)
        {
            return UserChangeResult.Refused("You cannot change your own role; another admin can.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChangeResult.Refused($"User {userId} does not exist.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return UserChangeResult.Done;
        }

        if (current.Contains(UserRoles.Admin) && !await AnotherEnabledAdminAsync(users, user))
        {
            return UserChangeResult.Refused($"{user.Email} is the only enabled admin; make someone else admin first.");
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return Refused(added);
        }

        Audit(scope, AuditActions.UserRoleChanged, user, $"Role {string.Join(", ", current.DefaultIfEmpty("none"))} → {role}");
        await users.UpdateSecurityStampAsync(user); // their sessions re-read the role
        return UserChangeResult.Done;
    }

    public async Task<UserChangeResult> SetDisabledAsync(string actingUserId, string userId, bool disabled, CancellationToken ct = default)
    {
        if (actingUserId == userId && disabled)
        {
            return UserChangeResult.Refused("You cannot disable yourself.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChangeResult.Refused($"User {userId} does not exist.");
        }

        if (disabled && await users.IsInRoleAsync(user, UserRoles.Admin) && !await AnotherEnabledAdminAsync(users, user))
        {
            return UserChangeResult.Refused($"{user.Email} is the only enabled admin.");
        }

        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, disabled ? clock.GetUtcNow() + DisabledHorizon : null);
        }

        if (result.Succeeded && !disabled)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return Refused(result);
        }

        Audit(scope, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user,
            disabled ? "Sign-in and API keys refused; open sessions end" : "Sign-in allowed again");
        await users.UpdateSecurityStampAsync(user); // open sessions end at their next check
        return UserChangeResult.Done;
    }

    public async Task<UserChangeResult> AssignConnectionOwnerAsync(int connectionId, string? ownerUserId, CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>();
            if (await db.BrokerConnections.FirstOrDefaultAsync(c => c.Id == connectionId, ct) is not { } connection)
            {
                return UserChangeResult.Refused($"Connection {connectionId} does not exist.");
            }

            if (ownerUserId is not null && !await db.Users.AnyAsync(u => u.Id == ownerUserId, ct))
            {
                return UserChangeResult.Refused($"User {ownerUserId} does not exist.");
            }

            var owners = await db.Users.Where(u => u.Id == connection.OwnerUserId || u.Id == ownerUserId).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
            string OwnerName(string? id) => id is null ? "admins only" : owners.GetValueOrDefault(id, id);
            audit.Add(db, new AuditRecord(AuditActions.ConnectionOwnerChanged, AuditSubjects.Connection(connection.Name, connection.Kind),
                $"Owner {OwnerName(connection.OwnerUserId)} → {OwnerName(ownerUserId)}"));
            connection.AssignOwner(ownerUserId);
            await db.SaveChangesAsync(ct);
        }

        await config.ReloadAsync(ct);
        return UserChangeResult.Done;
    }

    /// <summary>Adds the entry to the scope's context: UserManager's next save writes it with the change.</summary>
    private void Audit(AsyncServiceScope scope, string action, AppUser user, string details) =>
        audit.Add(scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>(), new AuditRecord(action, AuditSubjects.User(user.Email ?? user.Id), details));

    private bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end - clock.GetUtcNow() > DisabledHorizon / 2;

    private async Task<bool> AnotherEnabledAdminAsync(UserManager<AppUser> users, AppUser except) =>
        (await users.GetUsersInRoleAsync(UserRoles.Admin)).Any(u => u.Id != except.Id && !IsDisabled(u) && u.PasswordHash is not null);

    private async Task<Invitation> InvitationAsync(UserManager<AppUser> users, AppUser user) =>
        new(user.Id, user.Email!, await users.GeneratePasswordResetTokenAsync(user), clock.GetUtcNow() + tokenOptions.Value.TokenLifespan);

    private static UserChangeResult Refused(IdentityResult result) => new(false, result.Errors.Select(e => e.Description).ToList());
}
