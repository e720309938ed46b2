using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>In real Chromium: a follower switched off in the cockpit shows up in the audit trail with who did it and what changed.</summary>
public sealed class AuditTrailBrowserTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task ACockpitToggleIsInTheTrailWithTheUsersEmailAndTheChange()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var config = _app.Services.GetRequiredService<ICopyConfigStore>().Current;
        var follower = config.Groups.Single().Followers.Single(f => config.Account(f.AccountId)!.DisplayName == "Demo follower ×2");
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        await Browser.SignInAsync(page, baseUrl, Email, Password);

        // The user switches copying to "Demo follower ×2" off in the cockpit.
        await page.Locator($"label:has([data-follower-switch='{follower.Id}'])").ClickAsync();
        await Assertions.Expect(page.Locator($"label:has([data-follower-switch='{follower.Id}'])")).ToContainTextAsync("Copying off", new() { Timeout = 15_000 });

        // The trail names the user, the channel, the follower and the change.
        await page.ClickAsync("#nav-audit");
        await page.WaitForSelectorAsync("#audit-page[data-interactive='true']");
        var row = page.Locator("tr:has([data-audit-time])").First;
        await Assertions.Expect(row.Locator("[data-actor]")).ToHaveTextAsync(Email, new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-channel]")).ToHaveAttributeAsync("data-channel", "Web");
        await Assertions.Expect(row.Locator("[data-action]")).ToHaveTextAsync("follower.disabled");
        await Assertions.Expect(row.Locator("[data-subject]")).ToHaveTextAsync("Follower 'Demo follower ×2' in group 'Demo'");
        await Assertions.Expect(row.Locator("[data-details]")).ToHaveTextAsync("Enabled on → off");

        // The search finds it; a search for something else does not.
        await page.FillAsync("#audit-text", "demo follower ×2");
        await page.ClickAsync("#audit-apply");
        await Assertions.Expect(page.Locator("#audit-total")).ToHaveAttributeAsync("data-total", "1");
        await ScreenshotAsync(page, "audit.png");

        await page.FillAsync("#audit-text", "gold");
        await page.ClickAsync("#audit-apply");
        await Assertions.Expect(page.Locator("#audit-total")).ToHaveAttributeAsync("data-total", "0");
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
