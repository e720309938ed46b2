using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>The manual ticket in real Chromium: BUY 1 on the demo leader, then the leader's answer and each demo follower's copy.</summary>
public sealed class TicketPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "admin@example.com";
    private const string Password = "Correct-Horse-9!";

    private readonly CopyTraderWebApp _app = new();
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
    public async Task BuyOneOnTheDemoLeaderShowsTheLeaderResultAndEveryFollowersCopy()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync();

        await Browser.SignInAsync(page, baseUrl, Email, Password);
        await page.ClickAsync("#nav-ticket");
        await page.WaitForSelectorAsync("#ticket[data-interactive='true']");

        await Assertions.Expect(page.Locator("#ticket-leader")).ToHaveValueAsync("Demo leader");
        await page.FillAsync("#ticket-contract", "MNQZ6");
        await page.FillAsync("#ticket-quantity", "1");
        await page.ClickAsync("#ticket-buy");

        var ticket = page.Locator("[data-ticket='1']");
        await Assertions.Expect(ticket.Locator("[data-leader-result]")).ToHaveAttributeAsync("data-leader-result", "Accepted", new() { Timeout = 15_000 });
        await Assertions.Expect(ticket.Locator("[data-leader-filled]")).ToHaveAttributeAsync("data-leader-filled", "1", new() { Timeout = 15_000 });
        foreach (var (follower, order) in new[] { ("Demo follower ×1", "Buy 1"), ("Demo follower ×2", "Buy 2"), ("Demo follower ×0.5", "Buy 1") })
        {
            var row = ticket.Locator($"[data-follower-copy='{follower}']");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-outcome", "Accepted", new() { Timeout = 15_000 });
            await Assertions.Expect(row.Locator("[data-copy-order]")).ToHaveTextAsync(order);
            await Assertions.Expect(row.Locator("[data-latency]")).ToContainTextAsync(" ms");
        }

        var screenshot = Browser.ScreenshotPath("ticket.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }
}
