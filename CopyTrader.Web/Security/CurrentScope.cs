using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace CopyTrader.Web.Security;

/// <summary>
/// The circuit's user and what they may see: pages ask for <see cref="UserScope"/> of the configuration they render,
/// so a trader's cockpit, forms, ticket and copy log show only their own connections, groups and copies.
/// </summary>
public sealed class CurrentScope(AuthenticationStateProvider authentication, ICopyConfigStore config)
{
    private Viewer? _viewer;

    public async Task<Viewer> ViewerAsync()
    {
        // The circuit's user is fixed for its lifetime (signing out ends the circuit), so it is read once.
        _viewer ??= (await authentication.GetAuthenticationStateAsync()).User.ToViewer();
        return _viewer;
    }

    /// <summary>The scope over the current configuration.</summary>
    public async Task<UserScope> GetAsync() => UserScope.For(await ViewerAsync(), config.Current);

    /// <summary>The scope over a configuration a page just received (config changes), for a viewer already read.</summary>
    public UserScope Of(CopyConfigSnapshot snapshot) =>
        UserScope.For(_viewer ?? throw new InvalidOperationException("Read the viewer (GetAsync) before narrowing a snapshot."), snapshot);
}
