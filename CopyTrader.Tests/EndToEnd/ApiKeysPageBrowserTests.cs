using System.Net;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>In real Chromium: create an API key on the settings page, call the API with it, revoke it, and the API refuses it.</summary>
public sealed class ApiKeysPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task AKeyCreatedOnThePageOpensTheApiUntilItIsRevoked()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl, Email, Password);

        await page.ClickAsync("#nav-api-keys");
        await page.WaitForSelectorAsync("#api-keys[data-interactive='true']");
        await page.FillAsync("#api-key-name", "Nightly script");
        await page.ClickAsync("#api-key-create");
        var key = (await page.Locator("#new-api-key").TextContentAsync())!.Trim();
        var screenshot = Browser.ScreenshotPath("api-keys.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/status")).StatusCode);

        await page.ClickAsync("#api-key-done");
        await page.ClickAsync("[data-revoke]");
        await page.ClickAsync("[data-confirm-revoke]");
        await Assertions.Expect(page.Locator("[data-status]")).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/status")).StatusCode);
        await Assertions.Expect(page.Locator("#new-api-key")).ToHaveCountAsync(0);
    }
}
