using System.Net;
using System.Text.Json.Nodes;
using static CopyTrader.Tests.Fakes.Tradovate.ExchangeTests.FakeExchangeHarness;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>The REST surface: bearer checks, 404s, business errors as HTTP 200, generic entity reads, cash snapshot, request records.</summary>
public class FakeExchangeRestTests
{
    [Fact]
    public async Task RefusesMissingUnknownAndExpiredBearersWith401()
    {
        await using var h = await StartAsync();
        var issued = await h.LoginAsync("joe", "Case-Sensitive-1");
        var body = Market(AccountId, "Buy", 1);

        var missing = await h.PostAsync("order/placeorder", body, token: null);
        var unknown = await h.PostAsync("order/placeorder", body, token: "made-up");
        var fresh = await h.PostAsync("order/placeorder", body, token: issued);
        h.Server.Rest.ExpireToken(issued);
        var expired = await h.GetAsync("account/list", token: issued);

        Assert.Equal((HttpStatusCode.Unauthorized, ""), missing);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Single(h.Exchange.OrdersOf(AccountId));
    }

    [Fact]
    public async Task AnotherUsersTokenCannotTradeOrSeeTheAccount()
    {
        await using var h = await StartAsync();
        var bob = h.Exchange.AddUser("bob", "bob-pass");
        var bobs = h.Exchange.AddAccount("bob1", bob.Id);
        var token = await h.LoginAsync("bob", "bob-pass");

        var trade = await h.PostAsync("order/placeorder", Market(AccountId, "Buy", 1), token);
        var accounts = (await h.GetOkAsync("account/list", token)).AsArray();
        var item = await h.GetAsync($"account/item?id={AccountId}", token);
        var own = await h.PostOkAsync("order/placeorder", Market(bobs.Id, "Buy", 1), token);

        Assert.Equal(HttpStatusCode.Unauthorized, trade.Status);
        Assert.Equal(["BOB1"], accounts.Select(a => (string?)a!["name"]));
        Assert.Equal(HttpStatusCode.NotFound, item.Status);
        Assert.NotNull(own["orderId"]);
        Assert.Empty(h.Exchange.OrdersOf(AccountId));
    }

    [Theory]
    [InlineData("order/placeorder", "{\"accountId\":999,\"action\":\"Buy\",\"symbol\":\"NQZ6\",\"orderQty\":1,\"orderType\":\"Market\",\"isAutomated\":true}")]
    [InlineData("order/cancelorder", "{\"orderId\":999,\"isAutomated\":true}")]
    [InlineData("order/modifyorder", "{\"orderId\":999,\"orderQty\":1,\"orderType\":\"Market\",\"isAutomated\":true}")]
    [InlineData("order/liquidateposition", "{\"accountId\":25,\"contractId\":999,\"admin\":false}")]
    [InlineData("cashBalance/getcashbalancesnapshot", "{\"accountId\":999}")]
    [InlineData("order/unknownop", "{}")]
    public async Task UnknownIdsAndEndpointsAre404(string endpoint, string body)
    {
        await using var h = await StartAsync();

        var (status, text) = await h.PostAsync(endpoint, body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task MissingOrMistypedFieldsAnswerViolationsWithHttp200()
    {
        await using var h = await StartAsync();

        var answer = await h.PostOkAsync("order/placeorder", new { action = "Hold", symbol = "NQZ6", orderQty = 0, orderType = "Market" });

        var violations = answer["violations"]!.AsArray().Select(v => v!.AsObject()).ToArray();
        Assert.Equal(["NotNull", "Enum", "Min"], violations.Select(v => (string?)v["constraint"]));
        Assert.Equal("accountId may not be null", (string?)violations[0]["description"]);
        Assert.Equal(("Hold", "action must be one of Buy, Sell"), ((string?)violations[1]["value"], (string?)violations[1]["description"]));
        Assert.Empty(h.Exchange.OrdersOf(AccountId));
    }

    [Fact]
    public async Task OsoWithoutBracket1AnswersAViolation()
    {
        await using var h = await StartAsync();

        var answer = await h.PostOkAsync("order/placeoso", Market(AccountId, "Buy", 1));

        Assert.Equal("bracket1 may not be null", (string?)Assert.Single(answer["violations"]!.AsArray())!["description"]);
    }

    [Theory]
    [InlineData("{\"accountId\":25,\"action\":\"Buy\",\"symbol\":\"XYZ9\",\"orderQty\":1,\"orderType\":\"Market\",\"isAutomated\":true}", "InvalidContract", "Contract XYZ9 is not found")]
    [InlineData("{\"accountId\":25,\"action\":\"Buy\",\"symbol\":\"NQZ6\",\"orderQty\":1,\"orderType\":\"Limit\",\"price\":21000.1,\"isAutomated\":true}", "InvalidPrice", "Price 21000.1 is not a multiple of the tick size 0.25")]
    [InlineData("{\"accountId\":25,\"action\":\"Buy\",\"symbol\":\"NQZ6\",\"orderQty\":1,\"orderType\":\"Limit\",\"isAutomated\":true}", "InvalidPrice", "Limit order requires price")]
    [InlineData("{\"accountId\":25,\"action\":\"Buy\",\"symbol\":\"NQZ6\",\"orderQty\":1,\"orderType\":\"TrailingStop\",\"stopPrice\":20000,\"isAutomated\":true}", "Unsupported", "Order type TrailingStop is not supported by the fake exchange")]
    public async Task RefusedPlacementsAnswerFailureReasonWithHttp200(string body, string reason, string text)
    {
        await using var h = await StartAsync();

        var answer = await h.PostOkAsync("order/placeorder", body);

        Assert.Equal((reason, text), ((string?)answer["failureReason"], (string?)answer["failureText"]));
        Assert.Empty(h.Exchange.OrdersOf(AccountId));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs400()
    {
        await using var h = await StartAsync();

        var (status, text) = await h.PostAsync("order/placeorder", "{\"accountId\":");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Malformed JSON", text);
    }

    [Fact]
    public async Task EntityReadsFollowTheMasterRelations()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(Market(AccountId, "Buy", 1));
        var command = h.Exchange.CommandsOf(orderId)[0];
        var position = h.Exchange.PositionOf(AccountId, "NQZ6")!;

        Assert.Equal([orderId], Ids(await h.GetOkAsync($"order/deps?masterid={AccountId}")));
        Assert.Equal(h.Exchange.FillsOfOrder(orderId).Select(f => f.Id), Ids(await h.GetOkAsync($"fill/deps?masterid={orderId}")));
        Assert.Equal(["New", "Trade"], (await h.GetOkAsync($"executionReport/deps?masterid={command.Id}")).AsArray().Select(r => (string?)r!["execType"]));
        Assert.Equal([position.Id], Ids(await h.GetOkAsync($"position/ldeps?masterids={AccountId},999")));
        Assert.Equal([orderId], Ids(await h.GetOkAsync($"order/items?ids={orderId},999")));
        Assert.Equal("Filled", (string?)(await h.GetOkAsync($"order/item?id={orderId}"))["ordStatus"]);
        Assert.Equal(1, (int)(await h.GetOkAsync($"orderVersion/deps?masterid={orderId}"))[0]!["orderQty"]!);
        Assert.Equal([command.Id], Ids(await h.GetOkAsync($"command/deps?masterid={orderId}")));
    }

    [Fact]
    public async Task ContractLookupsFindSuggestAndWalkToTheProduct()
    {
        await using var h = await StartAsync();

        var contract = await h.GetOkAsync("contract/find?name=MNQZ6");
        var suggested = (await h.GetOkAsync("contract/suggest?t=NQ&l=5")).AsArray();
        var maturity = await h.GetOkAsync($"contractMaturity/item?id={(long)contract["contractMaturityId"]!}");
        var product = await h.GetOkAsync($"product/item?id={(long)maturity["productId"]!}");
        var byName = await h.GetOkAsync("product/find?name=ES");

        Assert.Equal(h.Exchange.Contract("MNQZ6").Id, (long)contract["id"]!);
        Assert.Equal(["NQZ6", "NQH7"], suggested.Select(c => (string?)c!["name"]));
        Assert.True((bool)maturity["isFront"]!);
        Assert.Equal(("MNQ", 0.25m, 2m), ((string?)product["name"], (decimal)product["tickSize"]!, (decimal)product["valuePerPoint"]!));
        Assert.Equal(50m, (decimal)byName["valuePerPoint"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("contract/find?name=NQZ9")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("order/find?name=x")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("widget/list")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await h.GetAsync("order/item?id=abc")).Status);
    }

    [Fact]
    public async Task CashBalanceSnapshotCarriesOpenPnLFromTheLastPrice()
    {
        await using var h = await StartAsync();
        await h.PlaceAsync(Market(AccountId, "Sell", 2, "MESZ6"));
        h.Exchange.SetPrice("MESZ6", 5_990m);

        var snapshot = await h.PostOkAsync("cashBalance/getcashbalancesnapshot", new { accountId = AccountId });

        Assert.Equal(100m, (decimal)snapshot["openPnL"]!); // (5990 − 6000) × $5 × −2
        Assert.Equal(50_000m, (decimal)snapshot["totalCashValue"]!);
        Assert.Equal(50_100m, (decimal)snapshot["netLiq"]!);
        Assert.Equal(0m, (decimal)snapshot["realizedPnL"]!);
    }

    [Fact]
    public async Task RecordsEveryRequestAndTheToleratedMistakes()
    {
        await using var h = await StartAsync();

        await h.PlaceAsync(new { accountSpec = "OTHER", accountId = AccountId, action = "Buy", symbol = "NQZ6", orderQty = 1, orderType = "Market" });
        await h.GetOkAsync("account/list");

        var request = Assert.Single(h.Server.RequestsTo("order/placeorder"));
        Assert.Equal(("POST", FakeTradovateServer.DefaultToken, Start), (request.Method, request.Bearer, request.At));
        Assert.Contains("\"accountSpec\":\"OTHER\"", request.Body);
        Assert.Equal("GET", Assert.Single(h.Server.RequestsTo("account/list")).Method);
        Assert.Equal(
            ["placeorder accountSpec OTHER does not name account 25 (DEMO25)", "placeorder without isAutomated:true"],
            h.Server.ApiViolations);
    }

    [Fact]
    public async Task SocketRequestsReachTheSameApi()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();

        var placed = await socket.RequestAsync("order/placeorder", "", "{\"accountId\":25,\"action\":\"Buy\",\"symbol\":\"NQZ6\",\"orderQty\":1,\"orderType\":\"Market\",\"isAutomated\":true}");
        var missing = await socket.RequestAsync("order/item", "id=1", "");

        Assert.Equal(200, (int)placed["s"]!);
        Assert.Equal(h.Exchange.OrdersOf(AccountId).Single().Id, (long)placed["d"]!["orderId"]!);
        Assert.Equal((404, "order 1 not found"), ((int)missing["s"]!, (string?)missing["d"]));
        Assert.Equal("WS", h.Server.RequestsTo("order/placeorder").Single().Method);
    }

    private static long[] Ids(JsonNode array) => [.. array.AsArray().Select(e => (long)e!["id"]!)];
}
