using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Tests.Support;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>
/// The API per user: the admin of <see cref="ApiHost"/> with the Simulator demo, and an invited trader who owns a connection
/// with a leader and a follower ("Trader leader" group). The admin also made the demo's DEMO-F1 follow the trader's group:
/// a follower on an account the trader does not own.
/// </summary>
public sealed class ApiUserScopeTests : IAsyncLifetime
{
    private const string TraderEmail = "trader@example.com";
    private const string TraderPassword = "Trader-Horse-9!";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private ApiHost _host = default!;
    private HttpClient _admin = default!;
    private HttpClient _trader = default!;
    private string _traderId = "";
    private int _traderConnection;
    private CopyGroupSnapshot _traderGroup = default!;
    private CopyGroupSnapshot _demoGroup = default!;
    private int _hiddenFollower;

    private IServiceProvider Services => _host.Services;
    private ICopyConfigStore Config => Services.GetRequiredService<ICopyConfigStore>();
    private IUserAdministration Users => Services.GetRequiredService<IUserAdministration>();

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _admin = _host.Client;
        var invitation = (await Users.InviteAsync(TraderEmail, UserRoles.Trader)).Invitation!;
        var accepted = await Users.AcceptInvitationAsync(invitation.UserId, invitation.Token, TraderPassword);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        _traderId = invitation.UserId;
        _trader = _host.ClientWithKey((await Services.GetRequiredService<IApiKeyService>().CreateAsync(_traderId, "trader's script")).PlainKey);

        var saved = await Services.GetRequiredService<IBrokerConnectionService>().SaveAsync(
            new ConnectionDraft("Trader paper", BrokerKind.Simulator) { OwnerUserId = _traderId },
            [
                new AccountChoice("SIM-1", "Trader leader", AccountRole.Leader),
                new AccountChoice("SIM-2", "Trader follower", AccountRole.Follower, FollowTarget.NewLeader("SIM-1")),
            ]);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        _traderConnection = saved.ConnectionId!.Value;
        _demoGroup = Config.Current.Groups.Single(g => g.Name == "Demo");
        var traderGroupId = Config.Current.Groups.Single(g => g.Name == "Trader leader").Id;
        _hiddenFollower = await Services.GetRequiredService<ICopyConfigurationService>().AddFollowerAsync(traderGroupId, AccountId("DEMO-F1"), FollowerRule.Default);
        _traderGroup = Config.Current.Groups.Single(g => g.Id == traderGroupId);
        Assert.Equal(2, _traderGroup.Followers.Count);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ATraderListsOnlyTheirGroupsWithTheirFollowers()
    {
        var groups = await GetAsync(_trader, "/api/v1/groups");

        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal((_traderGroup.Id, "Trader leader"), (group.GetProperty("id").GetInt32(), group.GetProperty("leaderName").GetString()));
        Assert.Equal(["Trader follower"], group.GetProperty("followers").EnumerateArray().Select(f => f.GetProperty("accountName").GetString()));
        Assert.Equal(["Trader follower"], (await GetAsync(_trader, $"/api/v1/groups/{_traderGroup.Id}/followers")).EnumerateArray().Select(f => f.GetProperty("accountName").GetString()));
    }

    [Fact]
    public async Task ATraderListsOnlyTheirAccountsConnectionsAndStatus()
    {
        var accounts = await GetAsync(_trader, "/api/v1/accounts");
        var connections = await GetAsync(_trader, "/api/v1/connections");
        var status = await GetAsync(_trader, "/api/v1/status");

        Assert.Equal(["SIM-1", "SIM-2"], accounts.EnumerateArray().Select(a => a.GetProperty("externalId").GetString()));
        Assert.Equal([_traderConnection], connections.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(["SIM-1", "SIM-2"], connections[0].GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("externalId").GetString()));
        Assert.Equal(2, status.GetProperty("accounts").GetInt32());
        Assert.Equal(["Trader paper"], status.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TheAdminListsEverything()
    {
        var groups = await GetAsync(_admin, "/api/v1/groups");
        var accounts = await GetAsync(_admin, "/api/v1/accounts");
        var connections = await GetAsync(_admin, "/api/v1/connections");
        var status = await GetAsync(_admin, "/api/v1/status");

        Assert.Equal(["Demo", "Trader leader"], groups.EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order());
        var traders = groups.EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == _traderGroup.Id);
        Assert.Equal(["Demo follower ×1", "Trader follower"], traders.GetProperty("followers").EnumerateArray().Select(f => f.GetProperty("accountName").GetString()).Order());
        Assert.Equal(6, accounts.GetArrayLength());
        Assert.Equal(2, connections.GetArrayLength());
        Assert.Equal((6, 2), (status.GetProperty("accounts").GetInt32(), status.GetProperty("connections").GetArrayLength()));
    }

    [Theory]
    [InlineData("GET", "/api/v1/groups/{DemoGroup}", null, "Copy group {DemoGroup} does not exist.")]
    [InlineData("GET", "/api/v1/groups/{DemoGroup}/followers", null, "Copy group {DemoGroup} does not exist.")]
    [InlineData("PUT", "/api/v1/groups/{DemoGroup}/options", """{"autoCopyEnabled":false,"dryRun":true,"autoSync":false,"mirrorWorkingOrders":false}""", "Copy group {DemoGroup} does not exist.")]
    [InlineData("PUT", "/api/v1/groups/{DemoGroup}", """{"name":"Mine now","leaderAccountId":{TraderLeader},"autoCopyEnabled":false,"dryRun":false,"autoSync":false,"mirrorWorkingOrders":false}""", "Copy group {DemoGroup} does not exist.")]
    [InlineData("DELETE", "/api/v1/groups/{DemoGroup}", null, "Copy group {DemoGroup} does not exist.")]
    [InlineData("POST", "/api/v1/groups/{DemoGroup}/followers", """{"accountId":{TraderFollower}}""", "Copy group {DemoGroup} does not exist.")]
    [InlineData("POST", "/api/v1/groups/{DemoGroup}/flatten", null, "Copy group {DemoGroup} does not exist.")]
    [InlineData("GET", "/api/v1/followers/{DemoFollower}", null, "Follower {DemoFollower} does not exist.")]
    [InlineData("PUT", "/api/v1/followers/{DemoFollower}/enabled", """{"enabled":false}""", "Follower {DemoFollower} does not exist.")]
    [InlineData("PUT", "/api/v1/followers/{DemoFollower}/multiplier", """{"multiplier":5}""", "Follower {DemoFollower} does not exist.")]
    [InlineData("DELETE", "/api/v1/followers/{DemoFollower}", null, "Follower {DemoFollower} does not exist.")]
    [InlineData("GET", "/api/v1/followers/{DemoFollower}/risk-limits", null, "Follower {DemoFollower} does not exist.")]
    [InlineData("PUT", "/api/v1/followers/{DemoFollower}/symbol-multipliers/NQ", """{"multiplier":3}""", "Follower {DemoFollower} does not exist.")]
    [InlineData("PUT", "/api/v1/followers/{DemoFollower}/blocked-roots/ES", null, "Follower {DemoFollower} does not exist.")]
    [InlineData("GET", "/api/v1/followers/{HiddenFollower}", null, "Follower {HiddenFollower} does not exist.")]
    [InlineData("PUT", "/api/v1/followers/{HiddenFollower}/enabled", """{"enabled":false}""", "Follower {HiddenFollower} does not exist.")]
    [InlineData("DELETE", "/api/v1/followers/{HiddenFollower}", null, "Follower {HiddenFollower} does not exist.")]
    [InlineData("GET", "/api/v1/accounts/{DemoLeader}", null, "Trading account {DemoLeader} does not exist.")]
    [InlineData("POST", "/api/v1/accounts/{DemoLeader}/flatten", null, "Trading account {DemoLeader} does not exist.")]
    [InlineData("POST", "/api/v1/accounts/{DemoF1}/flatten", null, "Trading account {DemoF1} does not exist.")]
    [InlineData("POST", "/api/v1/trades", """{"leaderAccountId":{DemoLeader},"symbol":"MNQZ6","action":"BUY","quantity":1}""", "Trading account {DemoLeader} does not exist.")]
    [InlineData("GET", "/api/v1/connections/{DemoConnection}", null, "Connection {DemoConnection} does not exist.")]
    public async Task ATraderAskingForTheAdminsThingsGets404AndChangesNothing(string method, string url, string? body, string detail)
    {
        var before = Config.Current;
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(url));
        if (body is not null)
        {
            request.Content = new StringContent(Fill(body), System.Text.Encoding.UTF8, "application/json");
        }

        var problem = await (await _trader.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(Fill(detail), problem.GetProperty("detail").GetString());
        Assert.Same(before, Config.Current); // no change reloaded the configuration
        Assert.Equal(0, (await GetAsync(_admin, "/api/v1/copy-log")).GetProperty("total").GetInt32()); // no trade, no flatten copied
    }

    [Fact]
    public async Task ATraderCannotAddAFollowerOnAnotherUsersAccountToTheirGroup()
    {
        var demoF2 = AccountId("DEMO-F2");

        var problem = await (await _trader.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{_traderGroup.Id}/followers", new { accountId = demoF2 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([$"Trading account {demoF2} does not exist."], problem.FieldErrors("accountId"));
        Assert.Equal(2, Config.Current.Groups.Single(g => g.Id == _traderGroup.Id).Followers.Count);
    }

    [Fact]
    public async Task ATraderCannotLeadAGroupWithAnotherUsersAccount()
    {
        var demoLeader = _demoGroup.LeaderAccountId;

        var created = await (await _trader.SendJsonAsync(HttpMethod.Post, "/api/v1/groups", new { name = "Borrowed", leaderAccountId = demoLeader, autoCopyEnabled = false }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var updated = await (await _trader.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{_traderGroup.Id}",
                new { name = "Trader leader", leaderAccountId = demoLeader, autoCopyEnabled = false, dryRun = false, autoSync = false, mirrorWorkingOrders = false }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([$"Trading account {demoLeader} does not exist."], created.FieldErrors("leaderAccountId"));
        Assert.Equal([$"Trading account {demoLeader} does not exist."], updated.FieldErrors("leaderAccountId"));
        Assert.Equal(2, Config.Current.Groups.Count);
        Assert.Equal(AccountId("SIM-1"), Config.Current.Groups.Single(g => g.Id == _traderGroup.Id).LeaderAccountId);
    }

    [Fact]
    public async Task ATraderChangesTheirOwnGroupAndFollower()
    {
        var follower = _traderGroup.Followers.Single(f => f.AccountId == AccountId("SIM-2")).Id;

        await (await _trader.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/multiplier", new { multiplier = 3 })).ExpectAsync(HttpStatusCode.OK);
        await (await _trader.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{_traderGroup.Id}/options",
            new { autoCopyEnabled = true, dryRun = true, autoSync = false, mirrorWorkingOrders = false })).ExpectAsync(HttpStatusCode.OK);

        var group = Config.Current.Groups.Single(g => g.Id == _traderGroup.Id);
        Assert.Equal((true, true, 3m), (group.AutoCopyEnabled, group.DryRun, group.Followers.Single(f => f.Id == follower).Rule.Multiplier));
        Assert.Equal(1m, group.Followers.Single(f => f.Id == _hiddenFollower).Rule.Multiplier);
    }

    [Fact]
    public async Task OnlyAnAdminAddsOrRemovesAGlobalContractMap()
    {
        var refused = await (await _trader.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "YM", targetRoot = "MYM", ratio = 10 }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Global contract maps apply to every user's groups; only an admin changes them. Map the root on your group instead.", refused.GetProperty("detail").GetString());
        Assert.DoesNotContain(await MapsAsync(_admin), m => m.SourceRoot == "YM");

        var global = await (await _admin.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "YM", targetRoot = "MYM", ratio = 10 }))
            .ExpectAsync(HttpStatusCode.Created);
        var id = global.GetProperty("id").GetInt32();
        Assert.Contains(await MapsAsync(_trader), m => m.Id == id && m.GroupId is null); // a trader reads the global maps

        await (await _trader.DeleteAsync($"/api/v1/contract-maps/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(await MapsAsync(_admin), m => m.Id == id);

        await (await _admin.DeleteAsync($"/api/v1/contract-maps/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(await MapsAsync(_admin), m => m.Id == id);
    }

    [Fact]
    public async Task ATraderMapsARootOnTheirGroupButNeverSeesOrRemovesAnotherUsersGroupMap()
    {
        var own = await (await _trader.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = _traderGroup.Id, sourceRoot = "GC", targetRoot = "MGC", ratio = 10 }))
            .ExpectAsync(HttpStatusCode.Created);
        var demos = await (await _admin.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = _demoGroup.Id, sourceRoot = "CL", targetRoot = "MCL", ratio = 10 }))
            .ExpectAsync(HttpStatusCode.Created);

        var onDemo = await (await _trader.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = _demoGroup.Id, sourceRoot = "ES", targetRoot = "MES", ratio = 10 }))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await _trader.DeleteAsync($"/api/v1/contract-maps/{demos.GetProperty("id").GetInt32()}")).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Copy group {_demoGroup.Id} does not exist.", onDemo.GetProperty("detail").GetString());
        var traders = await MapsAsync(_trader);
        Assert.Contains(traders, m => m.Id == own.GetProperty("id").GetInt32());
        Assert.DoesNotContain(traders, m => m.GroupId == _demoGroup.Id);
        Assert.Equal(["CL"], Config.Current.Groups.Single(g => g.Id == _demoGroup.Id).ContractMappings.Select(m => m.SourceRoot));
    }

    [Fact]
    public async Task ATradersCopyLogHoldsOnlyCopiesFromOrToTheirAccounts()
    {
        var inserted = await InsertCopiesAsync();

        var traders = await GetAsync(_trader, "/api/v1/copy-log");
        var admins = await GetAsync(_admin, "/api/v1/copy-log");
        var tradersRejected = await GetAsync(_trader, "/api/v1/copy-log?outcome=Rejected");

        Assert.Equal([inserted.ToHiddenFollower, inserted.Own], Ids(traders));
        Assert.Equal(2, traders.GetProperty("total").GetInt32());
        Assert.Equal(4, admins.GetProperty("total").GetInt32());
        Assert.Equal(0, tradersRejected.GetProperty("total").GetInt32()); // the only rejected copy is the demo group's
        Assert.Equal(inserted.ToHiddenFollower, (await GetAsync(_trader, "/api/v1/status")).GetProperty("lastCopy").GetProperty("id").GetInt64());
        Assert.Equal(inserted.DemoRejected, (await GetAsync(_admin, "/api/v1/status")).GetProperty("lastCopy").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AGroupOrFollowerFilterCannotReachAnotherUsersCopies()
    {
        await InsertCopiesAsync();

        var demoGroup = await GetAsync(_trader, $"/api/v1/copy-log?groupId={_demoGroup.Id}");
        var demoFollower = await GetAsync(_trader, $"/api/v1/copy-log?followerAccountId={AccountId("DEMO-F2")}");

        Assert.Equal((0, 0), (demoGroup.GetProperty("total").GetInt32(), demoFollower.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task ATradersCsvExportThroughTheSignInCookieHoldsOnlyTheirCopies()
    {
        await InsertCopiesAsync();
        using var browser = _host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(browser, TraderEmail, TraderPassword);

        using var response = await browser.GetAsync("/copy-log/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReadCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["2026-11-23T14:00:02.000Z", "2026-11-23T14:00:00.000Z"], rows.Select(r => r[0]));
        Assert.Equal(["Trader leader", "Trader leader", "#" + AccountId("DEMO-F1")], rows[0][1..4]); // another user's account keeps its id
        Assert.Equal(["Trader leader", "Trader leader", "Trader follower"], rows[1][1..4]);
    }

    [Fact]
    public async Task TheCsvExportTakesTheSignInCookieNotAnApiKey()
    {
        using var response = await _trader.GetAsync("/copy-log/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ATradersFlattenEverythingFlattensOnlyTheirAccounts()
    {
        await WaitForEveryAccountConnectedAsync();
        await (await _admin.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = _demoGroup.LeaderAccountId, symbol = "MNQZ6", action = "BUY", quantity = 1 }))
            .ExpectAsync(HttpStatusCode.OK);
        var demoF1 = AccountId("DEMO-F1");
        await Eventually.GetAsync(() => PositionsAsync(demoF1), p => p == 1, "the demo follower's copied position");

        var flattened = await (await _trader.PostAsync("/api/v1/flatten", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Trader leader", "Trader follower"], flattened.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountName").GetString()));
        Assert.Equal(1, await PositionsAsync(demoF1)); // the admin's account, following the trader's group, is left alone
        Assert.Equal(1, await PositionsAsync(_demoGroup.LeaderAccountId));
    }

    [Fact]
    public async Task ATradersGroupFlattenLeavesAnotherUsersFollowerAlone()
    {
        await WaitForEveryAccountConnectedAsync();
        await (await _admin.SendJsonAsync(HttpMethod.Post, "/api/v1/trades", new { leaderAccountId = _demoGroup.LeaderAccountId, symbol = "MNQZ6", action = "BUY", quantity = 1 }))
            .ExpectAsync(HttpStatusCode.OK);
        var demoF1 = AccountId("DEMO-F1");
        await Eventually.GetAsync(() => PositionsAsync(demoF1), p => p == 1, "the demo follower's copied position");

        var flattened = await (await _trader.PostAsync($"/api/v1/groups/{_traderGroup.Id}/flatten", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([AccountId("SIM-1"), AccountId("SIM-2")], flattened.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountId").GetInt32()));
        Assert.Equal(1, await PositionsAsync(demoF1));
    }

    [Fact]
    public async Task TheAdminsGroupFlattenStillCoversEveryFollower()
    {
        await WaitForEveryAccountConnectedAsync();

        var flattened = await (await _admin.PostAsync($"/api/v1/groups/{_traderGroup.Id}/flatten", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Demo follower ×1", "Trader follower", "Trader leader"],
            flattened.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountName").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADisabledUsersKeyIs401UntilEnabledAgain()
    {
        await (await _trader.GetAsync("/api/v1/status")).ExpectAsync(HttpStatusCode.OK);

        Assert.True((await Users.SetDisabledAsync(_host.UserId, _traderId, disabled: true)).Succeeded);

        var problem = await (await _trader.GetAsync("/api/v1/status")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The key's user is locked out; an admin must unlock the user first.", problem.GetProperty("detail").GetString());

        Assert.True((await Users.SetDisabledAsync(_host.UserId, _traderId, disabled: false)).Succeeded);
        await (await _trader.GetAsync("/api/v1/status")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARoleChangeTakesEffectOnTheNextRequest()
    {
        Assert.Equal(1, (await GetAsync(_trader, "/api/v1/groups")).GetArrayLength());

        Assert.True((await Users.SetRoleAsync(_host.UserId, _traderId, UserRoles.Admin)).Succeeded);

        Assert.Equal(2, (await GetAsync(_trader, "/api/v1/groups")).GetArrayLength());
        Assert.Equal(6, (await GetAsync(_trader, "/api/v1/accounts")).GetArrayLength());
        await (await _trader.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "YM", targetRoot = "MYM", ratio = 10 }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.True((await Users.SetRoleAsync(_host.UserId, _traderId, UserRoles.Trader)).Succeeded);

        Assert.Equal(1, (await GetAsync(_trader, "/api/v1/groups")).GetArrayLength());
        await (await _trader.GetAsync($"/api/v1/groups/{_demoGroup.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GivingTheConnectionBackToAdminsEmptiesTheTradersView()
    {
        Assert.True((await Users.AssignConnectionOwnerAsync(_traderConnection, null)).Succeeded);

        Assert.Equal(0, (await GetAsync(_trader, "/api/v1/groups")).GetArrayLength());
        Assert.Equal(0, (await GetAsync(_trader, "/api/v1/accounts")).GetArrayLength());
        Assert.Equal(0, (await GetAsync(_trader, "/api/v1/connections")).GetArrayLength());
        await (await _trader.GetAsync($"/api/v1/groups/{_traderGroup.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private string Fill(string text) => text
        .Replace("{DemoGroup}", $"{_demoGroup.Id}", StringComparison.Ordinal)
        .Replace("{DemoFollower}", $"{_demoGroup.Followers[1].Id}", StringComparison.Ordinal)
        .Replace("{HiddenFollower}", $"{_hiddenFollower}", StringComparison.Ordinal)
        .Replace("{DemoLeader}", $"{_demoGroup.LeaderAccountId}", StringComparison.Ordinal)
        .Replace("{DemoF1}", $"{AccountId("DEMO-F1")}", StringComparison.Ordinal)
        .Replace("{DemoConnection}", $"{Config.Current.Connections.Single(c => c.Name == "Simulator (demo)").Id}", StringComparison.Ordinal)
        .Replace("{TraderLeader}", $"{AccountId("SIM-1")}", StringComparison.Ordinal)
        .Replace("{TraderFollower}", $"{AccountId("SIM-2")}", StringComparison.Ordinal);

    private int AccountId(string externalId) => Config.Current.Accounts.Single(a => a.ExternalId == externalId).Id;

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) => await (await client.GetAsync(path)).ExpectAsync(HttpStatusCode.OK);

    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();

    private sealed record MapRow(int Id, int? GroupId, string SourceRoot);

    private static async Task<List<MapRow>> MapsAsync(HttpClient client) =>
        (await GetAsync(client, "/api/v1/contract-maps")).EnumerateArray()
        .Select(m => new MapRow(m.GetProperty("id").GetInt32(), m.GetProperty("groupId").ValueKind == JsonValueKind.Null ? null : m.GetProperty("groupId").GetInt32(),
            m.GetProperty("sourceRoot").GetString()!))
        .ToList();

    private async Task<int> PositionsAsync(int accountId) =>
        (await GetAsync(_admin, $"/api/v1/accounts/{accountId}")).GetProperty("positions").EnumerateArray()
        .Where(p => p.GetProperty("symbol").GetString() == "MNQZ6").Sum(p => p.GetProperty("quantity").GetInt32());

    private Task WaitForEveryAccountConnectedAsync() =>
        Eventually.GetAsync(() => GetAsync(_admin, "/api/v1/accounts"),
            accounts => accounts.GetArrayLength() == 6 && accounts.EnumerateArray().All(a => a.GetProperty("live").GetProperty("state").GetString() == "Connected"),
            "every account connected");

    private sealed record InsertedCopies(long Own, long DemoOnly, long DemoRejected, long ToHiddenFollower);

    /// <summary>Seconds 0: trader leader → trader follower; 1: demo → DEMO-F1; 2: trader leader → DEMO-F1; 3: demo → DEMO-F2, rejected.</summary>
    private async Task<InsertedCopies> InsertCopiesAsync()
    {
        var traderLeader = AccountId("SIM-1");
        var own = _traderGroup.Followers.Single(f => f.AccountId == AccountId("SIM-2"));
        var hidden = _traderGroup.Followers.Single(f => f.Id == _hiddenFollower);
        var (demoF1, demoF2) = (_demoGroup.Followers[0], _demoGroup.Followers[1]);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync())
        {
            await CopyLogInsert.InsertAsync(db,
            [
                Entry(0, _traderGroup.Id, traderLeader, own, CopyOutcome.Accepted),
                Entry(1, _demoGroup.Id, _demoGroup.LeaderAccountId, demoF1, CopyOutcome.Accepted),
                Entry(2, _traderGroup.Id, traderLeader, hidden, CopyOutcome.Accepted),
                Entry(3, _demoGroup.Id, _demoGroup.LeaderAccountId, demoF2, CopyOutcome.Rejected),
            ], CancellationToken.None);
        }

        var ids = Ids(await GetAsync(_admin, "/api/v1/copy-log")); // newest first
        return new InsertedCopies(Own: ids[3], DemoOnly: ids[2], DemoRejected: ids[0], ToHiddenFollower: ids[1]);
    }

    private static CopyLogEntry Entry(int seconds, int groupId, int leaderAccountId, FollowerSnapshot follower, CopyOutcome outcome) =>
        new(Start.AddSeconds(seconds), groupId, leaderAccountId, follower.Id, follower.AccountId, $"SIM-F{seconds}", "NQZ6", "MNQZ6", Side.Buy, 1, 1, outcome, 12.5,
            $"CT-{seconds}", null, outcome == CopyOutcome.Rejected ? "Insufficient margin" : null);

    private static List<string[]> ReadCsv(string text)
    {
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray());
        }

        return rows;
    }
}
