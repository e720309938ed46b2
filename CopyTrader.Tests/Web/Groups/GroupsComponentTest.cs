using CopyTrader.Infrastructure.Copying;
using Bunit;
using CopyTrader.Infrastructure.CopySetup;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Groups;

/// <summary>bUnit with MudBlazor (popovers for the selects) and the fake setup service.</summary>
public abstract class GroupsComponentTest : BunitContext, IAsyncLifetime
{
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    /// <summary>The configuration the signed-in user's scope is taken from; empty unless a test replaces it.</summary>
    internal FakeConfigStore ConfigStore { get; } = new(CopyTrader.Domain.Copying.CopyConfigSnapshot.Empty);

    internal FakeCopySetupService Setup { get; } = new();

    protected GroupsComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<ICopySetupService>(Setup);
        Services.AddSingleton<ICopyConfigStore>(ConfigStore);
        Authorization = this.SignIn();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    protected static IReadOnlyList<string> SaveErrors<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. cut.FindAll("[data-save-error] [data-error-line]").Select(e => e.TextContent.Trim())];
}
