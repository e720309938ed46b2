using CopyTrader.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>A new user's first minute, in real Chromium against the app on loopback with the demo trading.</summary>
public sealed class FirstRunCockpitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "admin@example.com";
    private const string Password = "Correct-Horse-9!";
    private static readonly string[] Followers = ["Demo follower ×1", "Demo follower ×2", "Demo follower ×0.5"];

    private readonly CopyTraderWebApp _app = new(new()
    {
        ["Demo:ActivityEnabled"] = "true",
        ["Demo:ActivityIntervalSeconds"] = "1",
    });

    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CreatesAdminSignsInAndWatchesDemoFillsCopiedToEveryFollower()
    {
        var baseUrl = _app.StartOnLoopback();
        var page = await _browser.NewPageAsync();

        // First run: any page leads to the setup form.
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/setup$"));
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("#create-admin");
        await page.WaitForSelectorAsync("#cockpit");

        // Sign out and back in through the login form.
        await page.ClickAsync("#sign-out");
        await page.WaitForSelectorAsync("#sign-in");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");

        // The circuit is up; the demo leader and three followers are shown.
        await page.WaitForSelectorAsync("#cockpit[data-interactive='true']");
        foreach (var name in Followers.Append("Demo leader"))
        {
            await Assertions.Expect(page.Locator($"[data-account='{name}']")).ToBeVisibleAsync();
        }

        // Live copies arrive without a reload: at least one new row per follower, each with a latency.
        var rowsAtStart = await page.Locator("[data-copy-row]").CountAsync();
        foreach (var name in Followers)
        {
            await Assertions.Expect(page.Locator($"[data-copy-row][data-follower='{name}']").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await page.WaitForFunctionAsync($"document.querySelectorAll('[data-copy-row]').length >= {rowsAtStart + 3}", null, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-copy-row] [data-latency]").First).ToContainTextAsync(" ms");
        Assert.True(await page.Locator("[data-copy-row='Accepted']").CountAsync() >= 1);

        var screenshot = Browser.ScreenshotPath("cockpit.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }
}
