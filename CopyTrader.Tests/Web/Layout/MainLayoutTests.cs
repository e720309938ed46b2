using Bunit;
using CopyTrader.Web.Components.Layout;
using CopyTrader.Web.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Layout;

public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<DisplayPreferences>();
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        AddAuthorization().SetAuthorized("admin@example.com");
    }

    private DisplayPreferences Display => Services.GetRequiredService<DisplayPreferences>();

    [Fact]
    public void DarkModeComesFromTheBrowser()
    {
        JSInterop.Setup<string?>("localStorage.getItem", DisplayPreferences.DarkModeKey).SetResult("false");

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<MudThemeProvider>().Instance.GetState(t => t.IsDarkMode)));
    }

    [Fact]
    public void TheAppBarButtonSwitchesDarkModeAndKeepsIt()
    {
        var cut = RenderLayout();
        Assert.True(cut.FindComponent<MudThemeProvider>().Instance.GetState(t => t.IsDarkMode));

        cut.Find("#dark-mode-toggle").Click();

        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<MudThemeProvider>().Instance.GetState(t => t.IsDarkMode)));
        Assert.Contains(JSInterop.Invocations["localStorage.setItem"], i => i.Arguments.SequenceEqual(new object?[] { DisplayPreferences.DarkModeKey, "false" }));
    }

    [Fact]
    public async Task FullscreenHidesTheAppBarAndTheDrawerUntilItEnds()
    {
        var cut = RenderLayout();
        Assert.NotEmpty(cut.FindAll(".mud-appbar"));

        await cut.InvokeAsync(() => Display.SetFullscreenAsync(true));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-appbar")));
        Assert.Empty(cut.FindAll(".mud-drawer"));
        Assert.Equal("true", cut.Find("[data-fullscreen]").GetAttribute("data-fullscreen"));
        Assert.Contains("the page", cut.Markup);

        await cut.InvokeAsync(Display.BrowserFullscreenLeft);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-appbar")));
        Assert.NotEmpty(cut.FindAll(".mud-drawer"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "the page"))));

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
