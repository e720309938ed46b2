using Microsoft.JSInterop;

namespace CopyTrader.Web.Display;

/// <summary>
/// How this browser shows the app: dark mode and "hide sensitive" are kept in the browser's localStorage, so they
/// survive a reload; fullscreen lasts for the circuit. Until the stored choice is read, sensitive figures stay
/// masked (<see cref="MaskSensitive"/>): a trader who streams their screen never sees a balance flash by.
/// </summary>
public sealed class DisplayPreferences(IJSRuntime js) : IAsyncDisposable
{
    internal const string DarkModeKey = "copytrader.darkMode";
    internal const string HideSensitiveKey = "copytrader.hideSensitive";
    internal const string FullscreenModule = "./js/fullscreen.js";

    private Task? _loading;
    private IJSObjectReference? _fullscreen;
    private DotNetObjectReference<DisplayPreferences>? _self;

    public bool Loaded { get; private set; }

    public bool DarkMode { get; private set; } = true;

    public bool HideSensitive { get; private set; }

    /// <summary>The app's bars are hidden; the browser is asked for fullscreen too.</summary>
    public bool Fullscreen { get; private set; }

    public bool MaskSensitive => HideSensitive || !Loaded;

    /// <summary>What went wrong talking to the browser (storage or fullscreen), in its own words; null when nothing did.</summary>
    public string? Problem { get; private set; }

    /// <summary>Raised on the circuit's context after any change; subscribers re-render through InvokeAsync.</summary>
    public event Action? Changed;

    /// <summary>Reads the stored choices once per circuit; call after the first interactive render (JS is not there before).</summary>
    public Task LoadAsync() => _loading ??= LoadCoreAsync();

    public async Task SetDarkModeAsync(bool on)
    {
        DarkMode = on;
        await SaveAsync(DarkModeKey, on);
    }

    public async Task SetHideSensitiveAsync(bool on)
    {
        HideSensitive = on;
        await SaveAsync(HideSensitiveKey, on);
    }

    public async Task SetFullscreenAsync(bool on)
    {
        Fullscreen = on;
        Problem = null;
        Changed?.Invoke();
        try
        {
            _fullscreen ??= await js.InvokeAsync<IJSObjectReference>("import", FullscreenModule);
            if (on)
            {
                _self ??= DotNetObjectReference.Create(this);
                var refusal = await _fullscreen.InvokeAsync<string?>("enter", _self);
                if (refusal is not null)
                {
                    Report($"The browser refused fullscreen ({refusal}); the app's bars are hidden, press F11 for the browser's own.");
                }
            }
            else
            {
                await _fullscreen.InvokeVoidAsync("leave");
            }
        }
        catch (JSException ex)
        {
            Report($"Browser fullscreen failed: {ex.Message}");
        }
    }

    /// <summary>The user left the browser's fullscreen (Esc): show the app's bars again.</summary>
    [JSInvokable]
    public void BrowserFullscreenLeft()
    {
        Fullscreen = false;
        Changed?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        if (_fullscreen is not null)
        {
            try
            {
                await _fullscreen.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; so is the module.
            }
        }
    }

    private async Task LoadCoreAsync()
    {
        try
        {
            DarkMode = await ReadAsync(DarkModeKey) ?? true;
            HideSensitive = await ReadAsync(HideSensitiveKey) ?? false;
        }
        catch (JSException ex)
        {
            HideSensitive = true; // unknown choice: the safe side
            Problem = $"Display settings could not be read from this browser ({ex.Message}); sensitive figures stay hidden until you show them.";
        }

        Loaded = true;
        Changed?.Invoke();
    }

    private async Task<bool?> ReadAsync(string key) =>
        bool.TryParse(await js.InvokeAsync<string?>("localStorage.getItem", key), out var value) ? value : null;

    private async Task SaveAsync(string key, bool value)
    {
        Loaded = true;
        Problem = null;
        Changed?.Invoke();
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", key, value ? "true" : "false");
        }
        catch (JSException ex)
        {
            Report($"This browser did not keep the setting for the next visit ({ex.Message}); it applies until you close the page.");
        }
    }

    private void Report(string problem)
    {
        Problem = problem;
        Changed?.Invoke();
    }
}
