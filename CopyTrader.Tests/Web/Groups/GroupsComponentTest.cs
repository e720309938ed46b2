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
        Authorization = this.SignIn();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    protected static IReadOnlyList<string> SaveErrors<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. cut.FindAll("[data-save-error] [data-error-line]").Select(e => e.TextContent.Trim())];
}
