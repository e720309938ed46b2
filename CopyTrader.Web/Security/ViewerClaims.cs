using System.Security.Claims;
using CopyTrader.Infrastructure.Users;

namespace CopyTrader.Web.Security;

public static class ViewerClaims
{
    /// <summary>The viewer a signed-in principal (cookie or API key) stands for; refuses a principal without a user id.</summary>
    public static Viewer ToViewer(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The signed-in principal carries no user id."),
            user.IsInRole(UserRoles.Admin));
}
