using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopyTrader.Tests.Web;

/// <summary>A signed-in user for bUnit pages, and the circuit's <see cref="CurrentScope"/> over the test's configuration.</summary>
internal static class SignedInUser
{
    public const string AdminId = "admin-1";
    public const string TraderId = "trader-1";

    /// <summary>Signs in (an admin by default); pages without an <see cref="ICopyConfigStore"/> get an empty one.</summary>
    public static BunitAuthorizationContext SignIn(this BunitContext context, string userId = AdminId, bool admin = true)
    {
        var authorization = context.AddAuthorization();
        As(authorization, userId, admin);
        context.Services.AddScoped<CurrentScope>();
        context.Services.TryAddSingleton<ICopyConfigStore>(new FakeConfigStore(CopyConfigSnapshot.Empty));
        return authorization;
    }

    /// <summary>Changes who is signed in (before the first render).</summary>
    public static void As(this BunitAuthorizationContext authorization, string userId, bool admin)
    {
        // SetClaims last: SetAuthorized and SetRoles rebuild the identity.
        authorization.SetAuthorized($"{userId}@example.com");
        authorization.SetRoles(admin ? UserRoles.Admin : UserRoles.Trader);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }
}
