using System.Security.Claims;
using CopyTrader.Infrastructure.Audit;

namespace CopyTrader.Web.Audit;

/// <summary>The audit actor for a signed-in principal: its Identity id (NameIdentifier) and name (the user's email).</summary>
public static class ActorFromUser
{
    /// <summary>Null for a principal that is not signed in: such a request can change nothing.</summary>
    public static Actor? For(ClaimsPrincipal user, AuditChannel channel)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = string.IsNullOrWhiteSpace(identity.Name) ? id ?? "unknown user" : identity.Name;
        return new Actor(id, name, channel);
    }
}
