using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>
/// A copy group set up only through the forms in real Chromium: leader, two followers, NQ → MNQ ×10; a Simulator
/// leader fill is copied mapped and scaled; a follower switched off is skipped on the next copy.
/// </summary>
public sealed class CopyGroupsBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "admin@example.com";
    private const string Password = "Correct-Horse-9!";

    private readonly CopyTraderWebApp _app = new();
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    private SimulatorExchange Exchange => _app.Services.GetRequiredService<SimulatorExchange>();

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AGroupBuiltInTheFormsCopiesNqAsTenMnqAndSkipsADisabledFollower()
    {
        var baseUrl = _app.StartOnLoopback();
        await ArrangeAdminAndPaperAccountsAsync();
        var page = await _browser.NewPageAsync();
        await SignInAsync(page, baseUrl);
        await page.ClickAsync("#nav-groups");
        await page.WaitForSelectorAsync("#groups[data-interactive='true']");

        // The group, auto-copy on, led by SIM-1.
        await page.ClickAsync("#new-group");
        await page.FillAsync("#group-name", "Micro copy");
        await SelectAsync(page, "#group-leader", "SIM-1 · Paper");
        await page.Locator("#group-form input[data-switch='auto-copy']").CheckAsync();
        await page.ClickAsync("#save-group");
        await Assertions.Expect(page.Locator("#group-detail")).ToHaveAttributeAsync("data-group", "Micro copy");

        // Two followers: SIM-2 at ×1, SIM-3 at ×2.
        await AddFollowerAsync(page, "SIM-2", multiplier: null);
        await AddFollowerAsync(page, "SIM-3", multiplier: "2", beforeSave: () => Screenshot(page, "follower-form.png"));
        await Assertions.Expect(page.Locator("[data-follower-row='SIM-3'] [data-sizing]")).ToContainTextAsync("×2");

        // The group's contract map from the preset.
        await page.ClickAsync("[data-map-scope='group'] [data-preset='NQ']");
        await Assertions.Expect(page.Locator("[data-map-scope='group'] [data-map-row='NQ']")).ToContainTextAsync("MNQ");
        await Screenshot(page, "copy-groups.png");

        // The leader trades NQ on the Simulator; the followers hold MNQ at ten times their size.
        await WaitForConnectedAsync("SIM-1", "SIM-2", "SIM-3");
        await OpenCockpitAsync(page, baseUrl);
        Exchange.Place(new OrderRequest("SIM-1", "NQZ6", Side.Buy, 1));

        await Assertions.Expect(Row(page, "SIM-2", "Accepted")).ToContainTextAsync("MNQZ6 (from NQZ6)", new() { Timeout = 15_000 });
        await Assertions.Expect(Row(page, "SIM-2", "Accepted")).ToContainTextAsync("Buy 10");
        await Assertions.Expect(Row(page, "SIM-3", "Accepted")).ToContainTextAsync("Buy 20");
        Assert.Equal((10, 20, 0), (PositionOf("SIM-2", "MNQZ6"), PositionOf("SIM-3", "MNQZ6"), PositionOf("SIM-2", "NQZ6")));

        // SIM-3 switched off in the followers table: the leader's exit is copied to SIM-2 only.
        await page.ClickAsync("#nav-groups");
        await page.WaitForSelectorAsync("#groups[data-interactive='true']");
        await page.ClickAsync("[data-open-group='Micro copy']");
        await page.Locator("input[data-follower-enabled='SIM-3']").UncheckAsync();
        await Assertions.Expect(page.Locator("[data-follower-row='SIM-3']")).ToContainTextAsync("off");
        await OpenCockpitAsync(page, baseUrl);
        Exchange.Place(new OrderRequest("SIM-1", "NQZ6", Side.Sell, 1));

        await Assertions.Expect(Row(page, "SIM-3", "Skipped")).ToContainTextAsync("Follower is disabled.", new() { Timeout = 15_000 });
        await Assertions.Expect(Row(page, "SIM-2", "Accepted").Filter(new() { HasText = "Sell 10" })).ToBeVisibleAsync();
        Assert.Equal((0, 20), (PositionOf("SIM-2", "MNQZ6"), PositionOf("SIM-3", "MNQZ6")));
        await Screenshot(page, "copy-groups-cockpit.png");
    }

    private async Task ArrangeAdminAndPaperAccountsAsync()
    {
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        var saved = await _app.Services.GetRequiredService<IBrokerConnectionService>().SaveAsync(new ConnectionDraft("Paper", BrokerKind.Simulator),
            [.. new[] { "SIM-1", "SIM-2", "SIM-3" }.Select(id => new AccountChoice(id, id, AccountRole.None))]);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await Browser.SignInAsync(page, baseUrl, Email, Password);
    }

    private static async Task OpenCockpitAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl);
        await page.WaitForSelectorAsync("#cockpit[data-interactive='true']");
    }

    private static async Task AddFollowerAsync(IPage page, string account, string? multiplier, Func<Task>? beforeSave = null)
    {
        await page.ClickAsync("#add-follower");
        await SelectAsync(page, "#follower-account", $"{account} · Paper");
        if (multiplier is not null)
        {
            await page.FillAsync("#follower-multiplier", multiplier);
        }

        if (beforeSave is not null)
        {
            await beforeSave();
        }

        await page.ClickAsync("#save-follower");
        await Assertions.Expect(page.Locator($"[data-follower-row='{account}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#follower-form")).ToHaveCountAsync(0);
    }

    private static async Task SelectAsync(IPage page, string inputId, string option)
    {
        await page.Locator(inputId).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(inputId)).ToHaveValueAsync(option);
    }

    private static ILocator Row(IPage page, string follower, string outcome) =>
        page.Locator($"[data-copy-row='{outcome}'][data-follower='{follower}']").First;

    private async Task WaitForConnectedAsync(params string[] externalIds)
    {
        var config = _app.Services.GetRequiredService<ICopyConfigStore>();
        var hub = _app.Services.GetRequiredService<ILeaderMonitorHub>();
        await Eventually.True(() => externalIds.All(externalId =>
            config.Current.Accounts.FirstOrDefault(a => a.ExternalId == externalId) is { } account
            && hub.AccountStateOf(account.Id)?.ConnectionState == BrokerConnectionState.Connected), $"{string.Join(", ", externalIds)} connected");
    }

    private int PositionOf(string account, string symbol) => Exchange.Positions(account).SingleOrDefault(p => p.Symbol == symbol)?.Quantity ?? 0;

    private async Task Screenshot(IPage page, string name)
    {
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
