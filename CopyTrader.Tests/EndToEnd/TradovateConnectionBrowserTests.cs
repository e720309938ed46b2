using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>
/// A user adds a Tradovate login on the connections page in real Chromium: the app, configured with the fake exchange as a
/// custom environment, tests the login, lists its accounts, saves a leader and a follower, connects, and copies a trade
/// the leader makes in Tradovate's own platform.
/// </summary>
public sealed class TradovateConnectionBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "admin@example.com";
    private const string Password = "Correct-Horse-9!";

    private FakeTradovateServer _tradovate = default!;
    private CopyTraderWebApp _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _tradovate = await FakeTradovateServer.StartAsync(FakeTradovateOptions.ForExchange());
        _tradovate.Exchange.AddAccount("APEX-1001");
        _app = new CopyTraderWebApp(TradovateConnectorRig.Settings(_tradovate));
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _tradovate.DisposeAsync();
    }

    [Fact]
    public async Task AddsATradovateLoginAndCopiesTheLeadersPlatformTrade()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var page = await _browser.NewPageAsync();
        await SignInAsync(page, baseUrl);
        await page.ClickAsync("#nav-connections");
        await page.WaitForSelectorAsync("#connections[data-interactive='true']");

        await page.ClickAsync("#add-connection");
        await page.FillAsync("#connection-name", "Apex on Tradovate");
        await SelectAsync(page, "#connection-kind", "Tradovate");
        await SelectAsync(page, "#tradovate-environment", TradovateConnectorRig.Environment);
        var login = TradovateConnectorRig.Login(_tradovate);
        await page.FillAsync("#tradovate-username", login.Name);
        await page.FillAsync("#tradovate-password", login.Password);
        await page.FillAsync("#tradovate-app-id", login.AppId);
        await page.FillAsync("#tradovate-app-version", login.AppVersion);
        await page.FillAsync("#tradovate-cid", login.Cid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#tradovate-sec", login.Sec);
        await page.ClickAsync("#test-connection");

        await Assertions.Expect(page.Locator("[data-discovered]")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        var leader = _tradovate.Exchange.Account("DEMO25");
        var follower = _tradovate.Exchange.Account("APEX-1001");
        await ChooseRoleAsync(page, Id(leader.Id), "Leader (new group)");
        await ChooseRoleAsync(page, Id(follower.Id), "Follower of DEMO25 (new group)");
        await page.ClickAsync("#save-connection");

        var row = page.Locator("[data-connection='Apex on Tradovate']");
        await Assertions.Expect(row.Locator("[data-connection-state]")).ToHaveTextAsync("Connected", new() { Timeout = 20_000 });
        var screenshot = Browser.ScreenshotPath("connections-tradovate.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        await EnableAutoCopyAsync();
        _tradovate.Exchange.TradeInPlatform(leader.Id, "MNQZ6", "Buy", 2);

        await Eventually.True(() => _tradovate.Exchange.NetPosOf(follower.Id, "MNQZ6") == 2, "the follower to hold the leader's 2 MNQZ6 at Tradovate");
        var copy = Assert.Single(_tradovate.RequestsTo("order/placeorder"));
        Assert.Contains("\"accountSpec\":\"APEX-1001\"", copy.Body);
    }

    private async Task EnableAutoCopyAsync()
    {
        var config = _app.Services.GetRequiredService<CopyTrader.Infrastructure.Copying.ICopyConfigStore>();
        var group = Assert.Single(config.Current.Groups, g => g.Name == "DEMO25");
        await _app.Services.GetRequiredService<CopyTrader.Infrastructure.Copying.ICopyConfigurationService>()
            .SetGroupOptionsAsync(group.Id, new CopyTrader.Infrastructure.Copying.GroupOptions(AutoCopyEnabled: true));
        await Eventually.True(() => config.Current.Groups.Single(g => g.Id == group.Id).AutoCopyEnabled, "auto-copy on");
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await Browser.SignInAsync(page, baseUrl, Email, Password);
    }

    private static async Task SelectAsync(IPage page, string inputId, string option)
    {
        await page.Locator($"{inputId}").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(inputId)).ToHaveValueAsync(option);
    }

    private static async Task ChooseRoleAsync(IPage page, string account, string role)
    {
        await page.Locator($"[data-discovered='{account}'] .mud-input-control.mud-select").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#role-{account}")).ToHaveValueAsync(role);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
