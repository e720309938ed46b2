using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>Manual trades and flattens through the API on the Simulator demo, with each account's result.</summary>
public sealed class ApiTradingTests : IAsyncLifetime
{
    private ApiHost _host = default!;
    private HttpClient _api = default!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _api = _host.Client;
        await Eventually.GetAsync(AccountsAsync, accounts => accounts.EnumerateArray().All(a => a.GetProperty("live").GetProperty("state").GetString() == "Connected"),
            "every demo account connected");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BuyOnTheLeaderIsCopiedToEveryFollowerAndShowsInStatusAccountsAndCopyLog()
    {
        var leader = await AccountIdAsync("DEMO-LEADER");

        var result = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = leader, symbol = "mnqz6", action = "BUY", quantity = 1 }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("brokerOrderId").GetString()));
        var log = await Eventually.GetAsync(() => GetAsync("/api/v1/copy-log?pageSize=10"), l => l.GetProperty("total").GetInt32() == 3, "three copies in the copy log");
        Assert.All(log.GetProperty("items").EnumerateArray(), e => Assert.Equal(("Accepted", "MNQZ6"), (e.GetProperty("outcome").GetString(), e.GetProperty("symbol").GetString())));
        var f2Id = await AccountIdAsync("DEMO-F2");
        var f2 = await Eventually.GetAsync(() => GetAsync($"/api/v1/accounts/{f2Id}"),
            a => a.GetProperty("positions").GetArrayLength() == 1, "the ×2 follower's position");
        Assert.Equal(("MNQZ6", 2), (f2.GetProperty("positions")[0].GetProperty("symbol").GetString(), f2.GetProperty("positions")[0].GetProperty("quantity").GetInt32()));

        var status = await GetAsync("/api/v1/status");
        Assert.Equal(4, status.GetProperty("accounts").GetInt32());
        Assert.Equal("Connected", status.GetProperty("connections")[0].GetProperty("live").GetProperty("state").GetString());
        Assert.Equal("MNQZ6", status.GetProperty("lastCopy").GetProperty("leaderSymbol").GetString());
    }

    [Fact]
    public async Task FlattenAGroupAnswersEachAccountsSteps()
    {
        var leader = await AccountIdAsync("DEMO-LEADER");
        (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = leader, symbol = "MNQZ6", action = "Buy", quantity = 2 })).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => GetAsync("/api/v1/copy-log"), l => l.GetProperty("total").GetInt32() == 3, "the copies");

        var flattened = await (await _api.PostAsync($"/api/v1/groups/{await DemoGroupAsync()}/flatten", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.True(flattened.GetProperty("succeeded").GetBoolean());
        var accounts = flattened.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["Demo leader", "Demo follower ×1", "Demo follower ×2", "Demo follower ×0.5"], accounts.Select(a => a.GetProperty("accountName").GetString()));
        Assert.All(accounts, a => Assert.Equal(["MNQZ6"], a.GetProperty("liquidated").EnumerateArray().Select(s => s.GetString())));
        Assert.Contains("Liquidate MNQZ6 (+2)", accounts[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        await Eventually.GetAsync(AccountsAsync, all => all.EnumerateArray().All(a => a.GetProperty("positions").GetArrayLength() == 0), "every account flat");
    }

    [Fact]
    public async Task FlattenOneAccountAndEverythingWhenAlreadyFlat()
    {
        var one = await (await _api.PostAsync($"/api/v1/accounts/{await AccountIdAsync("DEMO-F1")}/flatten", null)).ExpectAsync(HttpStatusCode.OK);
        var all = await (await _api.PostAsync("/api/v1/flatten", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Already flat with no working orders", one.GetProperty("accounts")[0].GetProperty("steps")[0].GetProperty("action").GetString());
        Assert.Equal(4, all.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task AFlattenThatCannotCompleteIs422WithEveryAccountsSteps()
    {
        await AddFollowerThatNeverConnectsAsync();

        var problem = await (await _api.PostAsync($"/api/v1/groups/{await DemoGroupAsync()}/flatten", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Flatten incomplete on 1 of 5 accounts: Tradovate follower: Connect — ", problem.GetProperty("detail").GetString());
        var accounts = problem.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(5, accounts.Count);
        Assert.False(accounts.Single(a => a.GetProperty("accountName").GetString() == "Tradovate follower").GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task CloseWithoutAPositionIsRefusedWithTheBrokersWords()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = await AccountIdAsync("DEMO-LEADER"), symbol = "MNQZ6", action = "CLOSE" }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("No open position in MNQZ6 on account DEMO-LEADER.", problem.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("latencyMs").ValueKind);
    }

    [Fact]
    public async Task ATradeOnAnAccountThatLeadsNoGroupIsRefused()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = await AccountIdAsync("DEMO-F1"), symbol = "MNQZ6", action = "SELL", quantity = 1 }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("'Demo follower ×1' leads no copy group; tickets go to a leader.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABadTicketIs400WithFieldErrorsAndNothingIsSent()
    {
        var leader = await AccountIdAsync("DEMO-LEADER");

        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = leader, symbol = "AAPL", action = "BUY" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var badAction = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = leader, symbol = "MNQZ6", action = "HOLD", quantity = 1 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["'AAPL' is not a futures contract CopyTrader knows: root, month code and year, e.g. MNQZ6 or ESH7."], problem.FieldErrors("symbol"));
        Assert.Equal(["Required for BUY."], problem.FieldErrors("quantity"));
        Assert.Single(badAction.FieldErrors("action"));
        Assert.Equal(0, (await GetAsync("/api/v1/copy-log")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ATradeForAnUnknownLeaderIs404()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = 999, symbol = "MNQZ6", action = "BUY", quantity = 1 }))
            .ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Trading account 999 does not exist.", problem.GetProperty("detail").GetString());
    }

    private async Task AddFollowerThatNeverConnectsAsync()
    {
        var services = _host.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync())
        {
            var login = new TradovateConnectionSettings(TestData.UnconfiguredEnvironment, "trader", "secret-password", "CopyTrader", "1.0", 8, "sec");
            var connection = new BrokerConnection("Tradovate demo", BrokerKind.Tradovate, services.GetRequiredService<CredentialProtector>().Protect(login.ToJson()), DateTimeOffset.UtcNow);
            db.BrokerConnections.Add(connection);
            await db.SaveChangesAsync();
            var account = new TradingAccount(connection.Id, "TV-1", "Tradovate follower");
            db.TradingAccounts.Add(account);
            await db.SaveChangesAsync();
            (await db.CopyGroups.Include(g => g.Followers).SingleAsync()).AddFollower(account.Id, 1m);
            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<ICopyConfigStore>().ReloadAsync();
    }

    private async Task<JsonElement> GetAsync(string path) => await (await _api.GetAsync(path)).ExpectAsync(HttpStatusCode.OK);

    private Task<JsonElement> AccountsAsync() => GetAsync("/api/v1/accounts");

    private async Task<int> AccountIdAsync(string externalId) =>
        (await AccountsAsync()).EnumerateArray().Single(a => a.GetProperty("externalId").GetString() == externalId).GetProperty("id").GetInt32();

    private async Task<int> DemoGroupAsync() => (await GetAsync("/api/v1/groups"))[0].GetProperty("id").GetInt32();
}
