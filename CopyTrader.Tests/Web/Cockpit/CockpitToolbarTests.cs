using Bunit;
using CopyTrader.Web.Components.Pages.Cockpit.Parts;
using CopyTrader.Web.Display;
using Microsoft.JSInterop;

namespace CopyTrader.Tests.Web.Cockpit;

public sealed class CockpitToolbarTests : CockpitComponentTest
{
    [Fact]
    public async Task DarkModeSwitchIsKeptByTheBrowser()
    {
        RenderProviders();
        await Display.LoadAsync();
        var cut = Render<CockpitToolbar>();
        Assert.True(cut.Find("input[data-dark-mode-switch]").HasAttribute("checked"));

        cut.Find("input[data-dark-mode-switch]").Change(false);

        Assert.False(Display.DarkMode);
        Assert.Contains(JSInterop.Invocations["localStorage.setItem"], i => i.Arguments.SequenceEqual(new object?[] { DisplayPreferences.DarkModeKey, "false" }));
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[data-dark-mode-switch]").HasAttribute("checked")));
    }

    [Fact]
    public async Task FullscreenSwitchAsksTheBrowserAndSaysWhenItRefuses()
    {
        RenderProviders();
        await Display.LoadAsync();
        var module = JSInterop.SetupModule(DisplayPreferences.FullscreenModule);
        module.Setup<string?>("enter", _ => true).SetResult("Permissions check failed");
        var cut = Render<CockpitToolbar>();

        cut.Find("input[data-fullscreen-switch]").Change(true);

        Assert.True(Display.Fullscreen);
        Assert.Single(module.Invocations["enter"]);
        cut.WaitForAssertion(() => Assert.Contains("The browser refused fullscreen (Permissions check failed)", cut.Find("[data-display-problem]").TextContent));
    }

    [Fact]
    public async Task StorageTheBrowserRefusesIsReportedAndTheSettingStillApplies()
    {
        RenderProviders();
        await Display.LoadAsync();
        JSInterop.SetupVoid("localStorage.setItem", _ => true).SetException(new JSException("QuotaExceededError"));
        var cut = Render<CockpitToolbar>();

        cut.Find("input[data-hide-sensitive-switch]").Change(true);

        Assert.True(Display.HideSensitive);
        cut.WaitForAssertion(() => Assert.Contains("did not keep the setting for the next visit (QuotaExceededError)", cut.Find("[data-display-problem]").TextContent));
    }

    [Fact]
    public void FlattenEverythingOpensTheConfirmation()
    {
        var dialogs = RenderProviders();
        var cut = Render<CockpitToolbar>();

        cut.Find("[data-flatten='everything']").Click();

        Assert.Equal("Everything", dialogs.Find("[data-flatten-dialog]").GetAttribute("data-flatten-dialog"));
        Assert.Empty(Flatten.Calls);
    }
}
