using static CopyTrader.Tests.Fakes.Tradovate.ExchangeTests.FakeExchangeHarness;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>The sync snapshot built from the exchange, and which sockets get which live props.</summary>
public class FakeExchangeSocketTests
{
    [Fact]
    public async Task SnapshotHoldsTheCoveredUsersState()
    {
        await using var h = await StartAsync();
        var leader = h.Exchange.AddAccount("LEADER");
        var orderId = h.Exchange.TradeInPlatform(leader.Id, "NQZ6", "Buy", 1);

        var socket = await h.ConnectAsync();

        var d = socket.Snapshot;
        Assert.Equal([UserId], d["users"]!.AsArray().Select(u => (long)u!["id"]!));
        Assert.Equal(["DEMO25", "LEADER"], d["accounts"]!.AsArray().Select(a => (string?)a!["name"]));
        Assert.Equal([orderId], d["orders"]!.AsArray().Select(o => (long)o!["id"]!));
        Assert.Equal(1, (int)d["positions"]!.AsArray().Single()!["netPos"]!);
        foreach (var key in new[] { "fills", "commands", "orderVersions", "executionReports", "commandReports", "cashBalances", "contracts", "contractMaturities", "products", "currencies" })
        {
            Assert.NotEmpty(d[key]!.AsArray());
        }

        Assert.Empty(d["contractGroups"]!.AsArray());
        Assert.Equal(8, d["contracts"]!.AsArray().Count);
    }

    [Fact]
    public async Task AnAccountsSyncGetsOnlyThoseAccountsEvents()
    {
        await using var h = await StartAsync();
        var leader = h.Exchange.AddAccount("LEADER");
        var follower = h.Exchange.AddAccount("FOLLOWER1");
        var leaderSocket = await h.ConnectAsync(syncBody: $"{{\"accounts\":[{leader.Id}]}}");
        var followerSocket = await h.ConnectAsync(syncBody: $"{{\"accounts\":[{follower.Id}]}}");

        h.Exchange.TradeInPlatform(follower.Id, "NQZ6", "Buy", 1);

        Assert.Equal(11, (await followerSocket.PropsAsync(11)).Count);
        Assert.True(await leaderSocket.QuietForAsync(TimeSpan.FromMilliseconds(150)));
        Assert.Equal(["LEADER"], leaderSocket.Snapshot["accounts"]!.AsArray().Select(a => (string?)a!["name"]));
    }

    [Fact]
    public async Task ASecondLoginsSocketSeesOnlyItsOwnAccounts()
    {
        await using var h = await StartAsync();
        var bob = h.Exchange.AddUser("bob", "bob-pass");
        var bobs = h.Exchange.AddAccount("bob1", bob.Id);
        var token = await h.LoginAsync("bob", "bob-pass");
        var socket = await h.ConnectAsync(token, syncBody: "{\"splitResponses\":false}");

        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);
        h.Exchange.TradeInPlatform(bobs.Id, "NQZ6", "Buy", 1);

        Assert.Equal(["BOB1"], socket.Snapshot["accounts"]!.AsArray().Select(a => (string?)a!["name"]));
        Assert.Equal([bob.Id], socket.Snapshot["users"]!.AsArray().Select(u => (long)u!["id"]!));
        var props = await socket.PropsAsync(11);
        Assert.All(props.Where(p => p["entity"]!["accountId"] is not null), p => Assert.Equal(bobs.Id, (long)p["entity"]!["accountId"]!));
    }

    [Fact]
    public async Task AuthorizeRefusesAnExpiredIssuedToken()
    {
        await using var h = await StartAsync();
        var token = await h.LoginAsync("joe", "Case-Sensitive-1");
        h.Clock.Advance(TimeSpan.FromMinutes(81)); // tokens live 80 minutes

        var socket = await h.ConnectAsync(token);

        Assert.Equal("a[{\"i\":0,\"s\":401,\"d\":\"Invalid access token\"}]", socket.Authorization);
    }

    [Theory]
    [InlineData(FakeSplitResponses.PerEntityType, "users", "contractGroups")]
    [InlineData(FakeSplitResponses.PerEntityTypeUsersLast, "accounts", "users")]
    public async Task SplitResponsesSendOneChunkPerArray(FakeSplitResponses shape, string first, string last)
    {
        await using var h = await StartAsync();
        h.Server.Faults.SplitResponses = shape;

        var socket = await h.ConnectAsync(syncBody: $"{{\"users\":[{UserId}],\"splitResponses\":true}}");

        var chunks = socket.SyncFrames;
        Assert.Equal(16, chunks.Count); // 15 entity arrays and contractGroups
        Assert.StartsWith($"a[{{\"s\":200,\"i\":1,\"d\":{{\"{first}\":", chunks[0]);
        Assert.StartsWith($"a[{{\"s\":200,\"i\":1,\"d\":{{\"{last}\":", chunks[^1]);
        Assert.Equal("DEMO25", (string?)socket.Snapshot["accounts"]![0]!["name"]);
    }

    [Fact]
    public async Task SplitResponsesAreIgnoredByDefault()
    {
        await using var h = await StartAsync();

        var socket = await h.ConnectAsync(syncBody: $"{{\"users\":[{UserId}],\"splitResponses\":true}}");

        Assert.StartsWith("a[{\"s\":200,\"i\":1,\"d\":{\"users\":", Assert.Single(socket.SyncFrames));
    }
}
