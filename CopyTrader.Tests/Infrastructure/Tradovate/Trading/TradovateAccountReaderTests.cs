using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

public sealed class TradovateAccountReaderTests
{
    private const string WorkingOrder = """{"id":210518,"accountId":25,"contractId":560901,"timestamp":"2026-11-04T14:02:36.626Z","action":"Sell","ordStatus":"Working","admin":false,"ocoId":210519}""";
    private const string FilledOrder = """{"id":210500,"accountId":25,"contractId":560901,"timestamp":"2026-11-04T13:00:00.000Z","action":"Buy","ordStatus":"Filled","admin":false}""";

    [Fact]
    public async Task ListsTheLoginsAccounts()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 200, """[{"id":25,"name":"DEMO12345","userId":1,"accountType":"Customer","active":true},{"id":26,"name":"DEMO67890","userId":1}]""");

        var accounts = await new TradovateAccountReader(h.Client).GetAccountsAsync(CancellationToken.None);

        Assert.Equal([new TradovateAccount(25, "DEMO12345", true), new TradovateAccount(26, "DEMO67890", null)], accounts.Value);
    }

    [Fact]
    public async Task ReadsPositionsOfOneAccountIncludingFlatOnes()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("position/deps", 200,
            """[{"id":1,"accountId":25,"contractId":560901,"timestamp":"2026-11-04T14:00:00Z","netPos":-2,"netPrice":21000.5,"bought":0,"sold":2},{"id":2,"accountId":25,"contractId":560902,"timestamp":"2026-11-04T14:00:00Z","netPos":0}]""");

        var positions = await new TradovateAccountReader(h.Client).GetPositionsAsync(25, CancellationToken.None);

        var time = new DateTimeOffset(2026, 11, 4, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal([new TradovatePosition(1, 25, 560901, -2, 21000.5m, time), new TradovatePosition(2, 25, 560902, 0, null, time)], positions.Value);
        Assert.Equal("masterid=25", h.Server.Received.Single().Query);
    }

    [Fact]
    public async Task AnErrorIsNeverAnEmptyList()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("position/deps", 500, "internal timeout");

        var positions = await new TradovateAccountReader(h.Client).GetPositionsAsync(25, CancellationToken.None);

        Assert.False(positions.IsSuccess);
        Assert.Throws<TradovateRestException>(() => positions.GetValueOrThrow());
    }

    [Fact]
    public async Task OneUnreadableEntityFailsTheWholeRead()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("position/deps", 200, """[{"id":1,"accountId":25,"contractId":5,"timestamp":"2026-11-04T14:00:00Z","netPos":1.5}]""");

        var positions = await new TradovateAccountReader(h.Client).GetPositionsAsync(25, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Malformed, positions.Error!.Kind);
        Assert.Contains("position field \"netPos\" is not a whole number", positions.Error.Message);
    }

    [Fact]
    public async Task AnObjectWhereAListBelongsIsMalformed()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 200, """{"id":1}""");

        var accounts = await new TradovateAccountReader(h.Client).GetAccountsAsync(CancellationToken.None);

        Assert.Contains("expected a JSON array, got Object", accounts.Error!.Message);
    }

    [Fact]
    public async Task WorkingOrdersAreJoinedWithTheirLatestVersionAndNewCommand()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/deps", 200, $"[{FilledOrder},{WorkingOrder}]")
            .Answer("orderVersion/deps", 200,
                """[{"id":1,"orderId":210518,"orderQty":3,"orderType":"Limit","price":21010,"timeInForce":"Day"},{"id":2,"orderId":210518,"orderQty":2,"orderType":"StopLimit","price":21005.25,"stopPrice":21006,"timeInForce":"GTC"}]""")
            .Answer("command/deps", 200,
                """[{"id":9,"orderId":210518,"clOrdId":"CT-modify","commandType":"Modify"},{"id":8,"orderId":210518,"clOrdId":"CT-new","commandType":"New"}]""");

        var orders = await new TradovateAccountReader(h.Client).GetOrdersAsync(25, workingOnly: true, CancellationToken.None);

        var order = Assert.Single(orders.Value);
        Assert.Equal(new TradovateOrderDetail(
            210518, 25, 560901, new DateTimeOffset(2026, 11, 4, 14, 2, 36, 626, TimeSpan.Zero), Side.Sell, "Working", OrderStatus.Working,
            2, "StopLimit", OrderType.StopLimit, 21005.25m, 21006m, TradovateTimeInForce.GTC, "CT-new", 210519, null), order);
        Assert.Equal(["order/deps?masterid=25", "orderVersion/deps?masterid=210518", "command/deps?masterid=210518"],
            h.Server.Received.Select(r => $"{r.Path}?{r.Query}"));
    }

    [Fact]
    public async Task AllOrdersIncludeFinishedOnesAndKeepUnknownTypesByName()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/deps", 200, $"[{FilledOrder}]")
            .Answer("orderVersion/deps", 200, """[{"id":1,"orderId":210500,"orderQty":1,"orderType":"MIT","price":20000}]""")
            .Answer("command/deps", 200, "[]");

        var orders = await new TradovateAccountReader(h.Client).GetOrdersAsync(25, workingOnly: false, CancellationToken.None);

        var order = Assert.Single(orders.Value);
        Assert.Equal(("MIT", null, OrderStatus.Filled, null), (order.OrderTypeName, order.OrderType, order.Status, order.ClOrdId));
    }

    [Fact]
    public async Task OrderWithoutAnyVersionFailsTheRead()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/deps", 200, $"[{WorkingOrder}]").Answer("orderVersion/deps", 200, "[]").Answer("command/deps", 200, "[]");

        var orders = await new TradovateAccountReader(h.Client).GetOrdersAsync(25, workingOnly: true, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Malformed, orders.Error!.Kind);
        Assert.Contains("order 210518 has no orderVersion", orders.Error.Message);
    }

    [Fact]
    public async Task ReadsTheFillsOfAnOrder()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("fill/deps", 200,
            """[{"id":7,"orderId":210518,"contractId":560901,"timestamp":"2026-11-04T14:03:00Z","tradeDate":{"year":2026,"month":11,"day":4},"action":"Sell","qty":2,"price":21005.25,"active":true,"finallyPaired":0}]""");

        var fills = await new TradovateAccountReader(h.Client).GetFillsAsync(210518, CancellationToken.None);

        Assert.Equal([new TradovateFill(7, 210518, 560901, new DateTimeOffset(2026, 11, 4, 14, 3, 0, TimeSpan.Zero), Side.Sell, 2, 21005.25m, true)], fills.Value);
        Assert.Equal("masterid=210518", h.Server.Received.Single().Query);
    }

    [Fact]
    public async Task CashBalanceSnapshotPostsTheAccountId()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("cashBalance/getcashbalancesnapshot", 200,
            """{"totalCashValue":50125.5,"totalPnL":125.5,"initialMargin":1000,"maintenanceMargin":900,"netLiq":50200,"openPnL":74.5,"realizedPnL":51,"weekRealizedPnL":300}""");

        var snapshot = await new TradovateAccountReader(h.Client).GetCashBalanceSnapshotAsync(25, CancellationToken.None);

        Assert.Equal(new TradovateCashBalanceSnapshot(50125.5m, 50200m, 74.5m, 51m, 300m, 125.5m, 1000m, 900m), snapshot.Value);
        var sent = h.Server.Received.Single();
        Assert.Equal(("POST", """{"accountId":25}"""), (sent.Method, sent.Body));
    }

    [Fact]
    public async Task CashBalanceErrorTextIsAFailure()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("cashBalance/getcashbalancesnapshot", 200, """{"errorText":"Account not found"}""");

        var snapshot = await new TradovateAccountReader(h.Client).GetCashBalanceSnapshotAsync(25, CancellationToken.None);

        Assert.Equal((TradovateErrorKind.ErrorText, "Account not found"), (snapshot.Error!.Kind, snapshot.Error.Message));
    }
}
