using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CopyTrader.Tests.EndToEnd;

/// <summary>The copy log page in real Chromium: demo copies listed, and the CSV export holding exactly the rows the grid counts.</summary>
public sealed class CopyLogPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task ExportsTheCopiesTheGridShows()
    {
        var baseUrl = _app.StartOnLoopback();
        var admin = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        await CopyTwoDemoLeaderTradesAsync(); // 2 fills × 3 demo followers

        var page = await _browser.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl, Email, Password);
        await page.ClickAsync("#nav-copy-log");
        await page.WaitForSelectorAsync("#copy-log-page[data-interactive='true']");

        await Assertions.Expect(page.Locator("#copy-log-total")).ToHaveAttributeAsync("data-total", "6");
        await Assertions.Expect(page.Locator("[data-copy-time]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-stats-follower]")).ToHaveCountAsync(3);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var file = Path.Combine(Path.GetTempPath(), $"copy-log-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(file);
        using var csv = CsvReader.FromText(await File.ReadAllTextAsync(file));
        File.Delete(file);
        var rows = 0;
        while (csv.Read())
        {
            rows++;
        }

        Assert.Equal(["Time (UTC)", "Group", "Leader", "Follower", "Leader symbol", "Follower symbol", "Side", "Leader qty", "Follower qty",
            "Outcome", "Latency (ms)", "Broker order id", "Client order id", "Reason"], csv.Headers);
        Assert.Equal(6, rows);
        Assert.Matches("^copy-log-[0-9]{8}-[0-9]{6}\\.csv$", download.SuggestedFilename);

        var screenshot = Browser.ScreenshotPath("copy-log.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }

    private async Task CopyTwoDemoLeaderTradesAsync()
    {
        var hub = _app.Services.GetRequiredService<ILeaderMonitorHub>();
        await Eventually.True(() => hub.Accounts.Count(a => a.ConnectionState == BrokerConnectionState.Connected) >= 4, "4 connected demo accounts");
        var exchange = _app.Services.GetRequiredService<SimulatorExchange>();
        var query = _app.Services.GetRequiredService<ICopyLogQuery>();
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var written = (await query.PageAsync(CopyLogFilter.All, 0, 1)).TotalCount;
            Assert.True(exchange.Place(new OrderRequest("DEMO-LEADER", "MNQZ6", side, 1)).Accepted);
            await Eventually.GetAsync(() => query.PageAsync(CopyLogFilter.All, 0, 1), p => p.TotalCount == written + 3, $"3 copies of the leader's {side}");
        }
    }
}
