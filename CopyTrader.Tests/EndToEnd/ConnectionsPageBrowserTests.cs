using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>Adding a Simulator connection in real Chromium: test, pick a leader and a follower, save, see it connected.</summary>
public sealed class ConnectionsPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task AddsASimulatorConnectionWithALeaderAndAFollowerThatComesUpConnected()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync();

        await Browser.SignInAsync(page, baseUrl, Email, Password);
        await page.ClickAsync("#nav-connections");
        await page.WaitForSelectorAsync("#connections[data-interactive='true']");

        await page.ClickAsync("#add-connection");
        await page.FillAsync("#connection-name", "Paper");
        await page.ClickAsync("#test-connection");
        await Assertions.Expect(page.Locator("[data-discovered]")).ToHaveCountAsync(4);
        await ChooseRoleAsync(page, "SIM-1", "Leader (new group)");
        await ChooseRoleAsync(page, "SIM-2", "Follower of SIM-1 (new group)");
        await page.ClickAsync("#save-connection");

        var paper = page.Locator("[data-connection='Paper']");
        await Assertions.Expect(paper.Locator("[data-connection-state]")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });
        await Assertions.Expect(paper.Locator("[data-account-row='SIM-1']")).ToContainTextAsync("Leader of SIM-1");
        await Assertions.Expect(paper.Locator("[data-account-row='SIM-2']")).ToContainTextAsync("Follower in SIM-1");

        var screenshot = Browser.ScreenshotPath("connections.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }

    private static async Task ChooseRoleAsync(IPage page, string account, string role)
    {
        await page.Locator($"[data-discovered='{account}'] .mud-input-control.mud-select").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#role-{account}")).ToHaveValueAsync(role);
    }
}
