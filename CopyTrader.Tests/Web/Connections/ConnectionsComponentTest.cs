using CopyTrader.Infrastructure.Users;
using Bunit;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Connections;

/// <summary>bUnit with MudBlazor (popovers for the selects), the fake service and the fake hub.</summary>
public abstract class ConnectionsComponentTest : BunitContext, IAsyncLifetime
{
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    /// <summary>The configuration the signed-in user's scope is taken from; empty unless a test replaces it.</summary>
    internal FakeConfigStore ConfigStore { get; } = new(CopyTrader.Domain.Copying.CopyConfigSnapshot.Empty);

    internal FakeUserAdministration Users { get; } = new();

    internal FakeConnectionService Service { get; } = new();
    internal FakeHub Hub { get; } = new();

    protected ConnectionsComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IBrokerConnectionService>(Service);
        Services.AddSingleton<ILeaderMonitorHub>(Hub);
        Services.AddSingleton<ICopyConfigStore>(ConfigStore);
        Authorization = this.SignIn();
        Services.AddSingleton<IUserAdministration>(Users);
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
