using CopyTrader.Infrastructure.Demo;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>
/// In real Chromium: an admin invites a trader, the trader sets a password from the link and sees nothing of the
/// admin's; once the admin gives them the demo connection, the trader's cockpit shows its group. Admin pages stay closed.
/// </summary>
public sealed class UsersBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.com";
    private const string TraderEmail = "trader@example.com";
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
    public async Task AnInvitedTraderSeesOnlyWhatTheAdminGivesThem()
    {
        var baseUrl = _app.StartOnLoopback();
        var created = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(AdminEmail, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await using var adminContext = await _browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await Browser.SignInAsync(admin, baseUrl, AdminEmail, Password);

        await admin.ClickAsync("#nav-users");
        await admin.WaitForSelectorAsync("#users[data-interactive='true']");
        await admin.FillAsync("#invite-email", TraderEmail);
        await admin.ClickAsync("#invite-user");
        var link = await admin.Locator("#invitation-link").InputValueAsync();
        Assert.StartsWith($"{baseUrl}/account/invite?user=", link);
        await Assertions.Expect(admin.Locator($"[data-user='{TraderEmail}'] [data-status]")).ToHaveTextAsync("Invited (no password yet)");
        var screenshot = Browser.ScreenshotPath("users.png");
        await admin.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        await using var traderContext = await _browser.NewContextAsync();
        var trader = await traderContext.NewPageAsync();
        await trader.GotoAsync(link);
        await trader.FillAsync("#password", Password);
        await trader.FillAsync("#confirm", Password);
        await trader.ClickAsync("#accept-invitation");
        await trader.WaitForSelectorAsync("#cockpit[data-interactive='true']");
        await Assertions.Expect(trader.Locator("#cockpit")).ToContainTextAsync("No copy group yet.");
        await Assertions.Expect(trader.Locator("#nav-users")).ToHaveCountAsync(0);
        await trader.GotoAsync($"{baseUrl}/settings/users");
        await Assertions.Expect(trader.Locator("#not-allowed")).ToContainTextAsync("This page is for admins.");

        await admin.ClickAsync("#nav-connections");
        await admin.WaitForSelectorAsync("#connections[data-interactive='true']");
        await admin.Locator($"[data-connection='{DemoDataSeeder.ConnectionName}'] .mud-input-control.mud-select").ClickAsync();
        await admin.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = TraderEmail, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync($"now belongs to {TraderEmail}");

        await trader.GotoAsync(baseUrl);
        await trader.WaitForSelectorAsync("#cockpit[data-interactive='true']");
        await Assertions.Expect(trader.Locator("#cockpit")).ToContainTextAsync(DemoDataSeeder.GroupName);
        await Assertions.Expect(trader.Locator("#cockpit")).ToContainTextAsync("Demo leader");
    }
}
