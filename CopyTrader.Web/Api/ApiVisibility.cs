using System.Security.Claims;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Web.Security;

namespace CopyTrader.Web.Api;

/// <summary>
/// The one place that decides what an API caller may see and change: the same <see cref="UserScope"/> the pages use.
/// Every endpoint looks connections, accounts, groups and followers up through it, so anything outside it is a 404.
/// </summary>
public sealed class ApiVisibility(ICopyConfigStore config)
{
    public UserScope For(ClaimsPrincipal user) => UserScope.For(user.ToViewer(), config.Current);
}
