using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Demo;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>The Simulator demo in real Chromium: a leader fill is copied, then "Flatten everything" closes every account.</summary>
public sealed class CockpitFlattenBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "admin@example.com";
    private const string Password = "Correct-Horse-9!";
    private static readonly string[] Accounts = ["Demo leader", "Demo follower ×1", "Demo follower ×2", "Demo follower ×0.5"];

    private readonly CopyTraderWebApp _app = new(); // the demo leader does not trade by itself: this test trades it
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
    public async Task FlattenEverythingAfterConfirmationShowsEachAccountFlat()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        await Browser.SignInAsync(page, baseUrl, Email, Password);

        // The demo leader buys 2 on the simulator; every follower gets its copy.
        var leaderTrade = LeaderBuys(2);
        Assert.True(leaderTrade.Accepted, leaderTrade.RejectReason);
        foreach (var name in Accounts)
        {
            await Assertions.Expect(page.Locator($"[data-account='{name}'] [data-position]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        }

        await ScreenshotAsync(page, "cockpit-positions.png");

        // Cancel first: nothing happens.
        await page.ClickAsync("[data-flatten='everything']");
        await Assertions.Expect(page.Locator("[data-flatten-consequence]")).ToContainTextAsync("Every leader and follower");
        await page.ClickAsync("[data-flatten-cancel]");
        await Assertions.Expect(page.Locator("[data-flatten-dialog]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-account='Demo leader'] [data-position]")).ToHaveCountAsync(1);

        // Then for real: one result per account, each flat.
        await page.ClickAsync("[data-flatten='everything']");
        await page.ClickAsync("[data-flatten-confirm]");
        await Assertions.Expect(page.Locator("[data-flatten-summary]")).ToHaveTextAsync("4 accounts are flat.", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-flatten-result][data-flatten-succeeded='true']")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-flatten-step='ok']").First).ToContainTextAsync("MNQ");

        await ScreenshotAsync(page, "cockpit-flatten.png");

        await page.ClickAsync("[data-flatten-close]");
        foreach (var name in Accounts)
        {
            await Assertions.Expect(page.Locator($"[data-account='{name}'] [data-flat]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }

        Assert.All(DemoAccounts(), id => Assert.Empty(Exchange.Positions(id)));
    }

    [Fact]
    public async Task HideSensitiveAndDarkModeAreKeptByTheBrowserAndFullscreenHidesTheBars()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#cockpit[data-interactive='true'][data-masked='false']");
        var darkBackground = await BackgroundAsync(page);

        await ToggleAsync(page, "[data-hide-sensitive-switch]");
        await ToggleAsync(page, "[data-dark-mode-switch]");
        await page.WaitForSelectorAsync("#cockpit[data-masked='true']");
        await page.ReloadAsync();

        await page.WaitForSelectorAsync("#cockpit[data-interactive='true']");
        await Assertions.Expect(page.Locator("#cockpit")).ToHaveAttributeAsync("data-masked", "true");
        Assert.DoesNotContain("Demo follower", await page.Locator("#cockpit").InnerTextAsync());
        Assert.DoesNotContain("DEMO-LEADER", await page.Locator("#cockpit").InnerTextAsync());
        await Assertions.Expect(page.Locator("input[data-dark-mode-switch]")).Not.ToBeCheckedAsync();
        Assert.NotEqual(darkBackground, await BackgroundAsync(page));
        await ScreenshotAsync(page, "cockpit-masked-light.png");

        await ToggleAsync(page, "[data-fullscreen-switch]");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-fullscreen='true']")).ToHaveCountAsync(1);
        await ToggleAsync(page, "[data-fullscreen-switch]");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(1);
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    /// <summary>A MudSwitch's input is visually hidden; the user clicks its label.</summary>
    private static Task ToggleAsync(IPage page, string inputSelector) => page.Locator($"label:has({inputSelector})").ClickAsync();

    private SimulatorExchange Exchange => _app.Services.GetRequiredService<SimulatorExchange>();

    private OrderResult LeaderBuys(int quantity)
    {
        var today = DateOnly.FromDateTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var symbol = FuturesSymbol.FrontQuarterly("MNQ", today).ToString();
        return Exchange.Place(new OrderRequest(DemoDataSeeder.LeaderExternalId, symbol, Side.Buy, quantity));
    }

    private static IEnumerable<string> DemoAccounts() => [DemoDataSeeder.LeaderExternalId, "DEMO-F1", "DEMO-F2", "DEMO-F3"];
}
