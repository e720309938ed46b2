using CopyTrader.Infrastructure.Users;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Web.Security;

/// <summary>Knows whether the first admin exists, and creates it exactly once.</summary>
public sealed class FirstRunState(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _hasUsers;

    public async Task<bool> HasUsersAsync(CancellationToken ct = default)
    {
        if (_hasUsers)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        _hasUsers = await scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>().Users.AnyAsync(ct);
        return _hasUsers;
    }

    /// <summary>Creates the first admin; fails when any user already exists, so this can never add a second one.</summary>
    public async Task<IdentityResult> CreateFirstAdminAsync(string email, string password, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (await HasUsersAsync(ct))
            {
                return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = "The first admin already exists; sign in instead." });
            }

            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                return created;
            }

            var role = await users.AddToRoleAsync(admin, UserRoles.Admin);
            _hasUsers = true;
            return role;
        }
        finally
        {
            _gate.Release();
        }
    }
}
