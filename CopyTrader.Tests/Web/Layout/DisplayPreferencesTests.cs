using Bunit;
using CopyTrader.Web.Display;
using Microsoft.JSInterop;

namespace CopyTrader.Tests.Web.Layout;

public sealed class DisplayPreferencesTests : BunitContext
{
    private readonly DisplayPreferences _display;
    private int _changes;

    public DisplayPreferencesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        _display = new DisplayPreferences(JSInterop.JSRuntime);
        _display.Changed += () => _changes++;
    }

    [Fact]
    public async Task MasksUntilLoadedThenUsesTheDefaults()
    {
        Assert.True(_display.MaskSensitive);

        await _display.LoadAsync();

        Assert.True(_display.Loaded);
        Assert.True(_display.DarkMode);
        Assert.False(_display.HideSensitive);
        Assert.False(_display.MaskSensitive);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public async Task ReadsTheBrowsersStoredChoicesOnce()
    {
        JSInterop.Setup<string?>("localStorage.getItem", DisplayPreferences.DarkModeKey).SetResult("false");
        JSInterop.Setup<string?>("localStorage.getItem", DisplayPreferences.HideSensitiveKey).SetResult("true");

        await Task.WhenAll(_display.LoadAsync(), _display.LoadAsync());

        Assert.False(_display.DarkMode);
        Assert.True(_display.HideSensitive);
        Assert.Equal(2, JSInterop.Invocations["localStorage.getItem"].Count);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public async Task UnreadableStorageKeepsSensitiveFiguresHiddenAndSaysWhy()
    {
        JSInterop.Setup<string?>("localStorage.getItem", _ => true).SetException(new JSException("SecurityError: access denied"));

        await _display.LoadAsync();

        Assert.True(_display.MaskSensitive);
        Assert.Contains("could not be read from this browser (SecurityError: access denied)", _display.Problem);
    }

    [Fact]
    public async Task LeavingTheBrowsersFullscreenShowsTheBarsAgain()
    {
        var module = JSInterop.SetupModule(DisplayPreferences.FullscreenModule);
        module.Setup<string?>("enter", _ => true).SetResult(null);
        module.SetupVoid("leave").SetVoidResult();

        await _display.SetFullscreenAsync(true);
        Assert.True(_display.Fullscreen);
        Assert.Null(_display.Problem);

        _display.BrowserFullscreenLeft(); // the user pressed Esc
        Assert.False(_display.Fullscreen);

        await _display.SetFullscreenAsync(false);
        Assert.Single(module.Invocations["leave"]);
        Assert.Equal(3, _changes);
    }
}
