using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using static CopyTrader.Tests.Fakes.Tradovate.ExchangeTests.FakeExchangeHarness;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>Market, limit, stop, modify, cancel, OSO, OCO and liquidate through raw REST calls; state read back from the exchange.</summary>
public class FakeExchangeOrderTests
{
    [Fact]
    public async Task MarketOrderFillsAtLastPriceAndPushesTheDocumentedSequence()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();

        var placed = await h.PostOkAsync("order/placeorder", new
        {
            accountSpec = "DEMO25", accountId = AccountId, clOrdId = "ct-1", action = "Buy", symbol = "NQZ6", orderQty = 2,
            orderType = "Market", text = "copy", isAutomated = true,
        });

        var orderId = (long)placed["orderId"]!;
        Assert.Single(placed);
        var props = await socket.PropsAsync(11);
        Assert.Equal(
            [
                "order Created", "command Created", "orderVersion Created", "commandReport Created", "executionReport Created",
                "order Updated", "executionReport Created", "fill Created", "order Updated", "position Created", "cashBalance Updated",
            ],
            FakeExchangeSocket.Kinds(props));
        Assert.Equal(["PendingNew", "Working", "Filled"], props.Where(p => (string?)p["entityType"] == "order").Select(p => (string?)p["entity"]!["ordStatus"]));
        Assert.Equal(["New", "Trade"], props.Where(p => (string?)p["entityType"] == "executionReport").Select(p => (string?)p["entity"]!["execType"]));
        var fill = props[7]["entity"]!;
        Assert.Equal(orderId, (long)fill["orderId"]!);
        Assert.Equal(21_000m, (decimal)fill["price"]!);
        Assert.Equal("2026-11-04T14:30:00.123Z", (string?)fill["timestamp"]);
        Assert.Equal(2026, (int)fill["tradeDate"]!["year"]!);
        var command = Assert.Single(h.Exchange.CommandsOf(orderId));
        Assert.Equal(("ct-1", "New", true), (command.ClOrdId, command.CommandType, command.IsAutomated));
        Assert.Equal("copy", h.Exchange.VersionOf(orderId).Text);
        var position = h.Exchange.PositionOf(AccountId, "NQZ6")!;
        Assert.Equal((2, 21_000m), (position.NetPos, position.NetPrice));
    }

    [Fact]
    public async Task ClosingFillRealizesPnLAndPairsTheFills()
    {
        await using var h = await StartAsync();
        await h.PlaceAsync(Market(AccountId, "Buy", 1));
        h.Exchange.SetPrice("NQZ6", 21_010m);

        await h.PlaceAsync(Market(AccountId, "Sell", 1));

        var position = h.Exchange.PositionOf(AccountId, "NQZ6")!;
        Assert.Equal((0, (decimal?)null, 1, 1), (position.NetPos, position.NetPrice, position.Bought, position.Sold));
        var cash = h.Exchange.CashBalanceOf(AccountId);
        Assert.Equal((50_200m, 200m), (cash.Amount, cash.RealizedPnL!.Value)); // 10 points × $20
        var pair = Assert.Single(h.Exchange.FillPairsOf(AccountId));
        Assert.Equal((21_000m, 21_010m, 1), (pair.BuyPrice, pair.SellPrice, pair.Qty));
    }

    [Fact]
    public async Task SellingMoreThanTheLongReversesToShort()
    {
        await using var h = await StartAsync();
        await h.PlaceAsync(Market(AccountId, "Buy", 1, "MNQZ6"));
        h.Exchange.SetPrice("MNQZ6", 20_990m);

        await h.PlaceAsync(Market(AccountId, "Sell", 3, "MNQZ6"));

        var position = h.Exchange.PositionOf(AccountId, "MNQZ6")!;
        Assert.Equal((-2, 20_990m), (position.NetPos, position.NetPrice));
        Assert.Equal(-20m, h.Exchange.CashBalanceOf(AccountId).RealizedPnL); // −10 points × $2
    }

    [Fact]
    public async Task SeededShortClosesWithRealizedPnL()
    {
        await using var h = await StartAsync();
        var seeded = h.Exchange.SeedPosition(AccountId, "ESZ6", -1, 6_010m);
        Assert.Equal((-1, -1), (seeded.NetPos, seeded.PrevPos));

        await h.PlaceAsync(Market(AccountId, "Buy", 1, "ESZ6"));

        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "ESZ6"));
        Assert.Equal(500m, h.Exchange.CashBalanceOf(AccountId).RealizedPnL); // 10 points × $50
    }

    [Fact]
    public async Task BuyLimitRestsUntilThePriceFallsToItAndFillsAtTheLimit()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(Limit(AccountId, "Buy", 1, 20_990m));
        Assert.Equal("Working", h.Exchange.Order(orderId).OrdStatus);

        h.Exchange.SetPrice("NQZ6", 20_995m);
        Assert.Equal("Working", h.Exchange.Order(orderId).OrdStatus);
        h.Exchange.SetPrice("NQZ6", 20_980m);

        Assert.Equal("Filled", h.Exchange.Order(orderId).OrdStatus);
        Assert.Equal(20_990m, Assert.Single(h.Exchange.FillsOfOrder(orderId)).Price);
    }

    [Fact]
    public async Task MarketableLimitFillsAtTheBetterLastPrice()
    {
        await using var h = await StartAsync();

        var orderId = await h.PlaceAsync(Limit(AccountId, "Sell", 1, 20_990m));

        Assert.Equal(21_000m, Assert.Single(h.Exchange.FillsOfOrder(orderId)).Price);
    }

    [Fact]
    public async Task SellStopFillsAtTheLastPriceOnceReached()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(new
        {
            accountId = AccountId, action = "Sell", symbol = "NQZ6", orderQty = 1, orderType = "Stop", stopPrice = 20_980m, isAutomated = true,
        });

        h.Exchange.SetPrice("NQZ6", 20_985m);
        Assert.Empty(h.Exchange.FillsOfOrder(orderId));
        h.Exchange.SetPrice("NQZ6", 20_970m);

        Assert.Equal(20_970m, Assert.Single(h.Exchange.FillsOfOrder(orderId)).Price);
    }

    [Fact]
    public async Task StopLimitTriggersAtTheStopThenWorksAsALimit()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(new
        {
            accountId = AccountId, action = "Buy", symbol = "NQZ6", orderQty = 1, orderType = "StopLimit", stopPrice = 21_010m, price = 21_012m, isAutomated = true,
        });

        h.Exchange.SetPrice("NQZ6", 21_020m);
        Assert.Empty(h.Exchange.FillsOfOrder(orderId));
        h.Exchange.SetPrice("NQZ6", 21_011m);

        Assert.Equal(21_012m, Assert.Single(h.Exchange.FillsOfOrder(orderId)).Price);
    }

    [Fact]
    public async Task AddedContractIsNamedWithMonthCodeAndOneDigitYear()
    {
        await using var h = await StartAsync();
        var contract = h.Exchange.AddContract("MES", 6, 2027, 6_100m);

        var orderId = await h.PlaceAsync(Market(AccountId, "Buy", 1, "MESM7"));

        Assert.Equal("MESM7", contract.Name);
        Assert.Equal(6_100m, Assert.Single(h.Exchange.FillsOfOrder(orderId)).Price);
        Assert.Equal(5m, h.Exchange.ProductOfContract(contract.Id).ValuePerPoint);
    }

    [Fact]
    public async Task ModifyReplacesTheVersionAndCancelEndsTheOrder()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(Limit(AccountId, "Buy", 1, 20_950m));
        var socket = await h.ConnectAsync();

        var modified = await h.PostOkAsync("order/modifyorder", new
        {
            orderId, clOrdId = "ct-2", orderQty = 2, orderType = "Limit", price = 20_960m, isAutomated = true,
        });
        var modifyProps = await socket.PropsAsync(6);
        var canceled = await h.PostOkAsync("order/cancelorder", new { orderId, isAutomated = true });
        var cancelProps = await socket.PropsAsync(5);

        var commands = h.Exchange.CommandsOf(orderId);
        Assert.Equal(["New", "Modify", "Cancel"], commands.Select(c => c.CommandType));
        Assert.Equal(commands[1].Id, (long)modified["commandId"]!);
        Assert.Equal(commands[2].Id, (long)canceled["commandId"]!);
        Assert.Equal("ct-2", commands[1].ClOrdId);
        Assert.Equal(
            ["command Created", "order Updated", "orderVersion Created", "commandReport Created", "executionReport Created", "order Updated"],
            FakeExchangeSocket.Kinds(modifyProps));
        Assert.Equal("PendingReplace", (string?)modifyProps[1]["entity"]!["ordStatus"]);
        Assert.Equal(["command Created", "order Updated", "commandReport Created", "executionReport Created", "order Updated"], FakeExchangeSocket.Kinds(cancelProps));
        Assert.Equal(["PendingCancel", "Canceled"], new[] { cancelProps[1], cancelProps[4] }.Select(p => (string?)p["entity"]!["ordStatus"]));
        Assert.Equal((2, 20_960m), (h.Exchange.VersionOf(orderId).OrderQty, h.Exchange.VersionOf(orderId).Price));
        var late = await h.PostOkAsync("order/modifyorder", new { orderId, orderQty = 1, orderType = "Limit", price = 20_970m, isAutomated = true });
        Assert.Equal("TooLate", (string?)late["failureReason"]);
        Assert.Equal($"Order {orderId} is Canceled", (string?)late["failureText"]);
    }

    [Fact]
    public async Task PartialFillKeepsTheOrderWorking()
    {
        await using var h = await StartAsync();
        var orderId = await h.PlaceAsync(Limit(AccountId, "Buy", 3, 20_950m));

        h.Exchange.Fill(orderId, 1);

        Assert.Equal("Working", h.Exchange.Order(orderId).OrdStatus);
        var report = h.Exchange.ExecutionReportsOf(orderId).Last();
        Assert.Equal(("Trade", 1, 1, 20_950m), (report.ExecType, report.CumQty, report.LastQty, report.LastPx));
        Assert.Equal(1, h.Exchange.NetPosOf(AccountId, "NQZ6"));
    }

    [Fact]
    public async Task OsoBracketsWaitForTheEntryThenCancelEachOther()
    {
        await using var h = await StartAsync();

        var placed = await h.PostOkAsync("order/placeoso", new
        {
            accountId = AccountId, action = "Buy", symbol = "NQZ6", orderQty = 2, orderType = "Limit", price = 20_990m, isAutomated = true,
            bracket1 = new { action = "Sell", orderType = "Limit", price = 21_020m },
            bracket2 = new { action = "Sell", orderType = "Stop", stopPrice = 20_970m },
        });
        var (entry, profit, stop) = ((long)placed["orderId"]!, (long)placed["oso1Id"]!, (long)placed["oso2Id"]!);
        Assert.Equal(["Working", "Suspended", "Suspended"], new[] { entry, profit, stop }.Select(id => h.Exchange.Order(id).OrdStatus));

        h.Exchange.SetPrice("NQZ6", 20_990m);
        Assert.Equal(["Filled", "Working", "Working"], new[] { entry, profit, stop }.Select(id => h.Exchange.Order(id).OrdStatus));
        Assert.Equal((stop, entry), (h.Exchange.Order(profit).OcoId!.Value, h.Exchange.Order(profit).ParentId!.Value));
        Assert.Equal(2, h.Exchange.VersionOf(stop).OrderQty);

        h.Exchange.SetPrice("NQZ6", 21_025m);
        Assert.Equal(["Filled", "Filled", "Canceled"], new[] { entry, profit, stop }.Select(id => h.Exchange.Order(id).OrdStatus));
        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "NQZ6"));
        Assert.Equal(1_200m, h.Exchange.CashBalanceOf(AccountId).RealizedPnL); // 30 points × $20 × 2
    }

    [Fact]
    public async Task CancelingAnOsoEntryCancelsItsBrackets()
    {
        await using var h = await StartAsync();
        var placed = await h.PostOkAsync("order/placeoso", new
        {
            accountId = AccountId, action = "Buy", symbol = "NQZ6", orderQty = 1, orderType = "Limit", price = 20_900m, isAutomated = true,
            bracket1 = new { action = "Sell", orderType = "Limit", price = 21_100m },
        });
        Assert.Null(placed["oso2Id"]);

        await h.PostOkAsync("order/cancelorder", new { orderId = (long)placed["orderId"]!, isAutomated = true });

        Assert.Equal("Canceled", h.Exchange.Order((long)placed["oso1Id"]!).OrdStatus);
    }

    [Fact]
    public async Task OcoFirstFillCancelsTheOther()
    {
        await using var h = await StartAsync();
        h.Exchange.SeedPosition(AccountId, "NQZ6", 1, 21_000m);

        var placed = await h.PostOkAsync("order/placeoco", new
        {
            accountId = AccountId, action = "Sell", symbol = "NQZ6", orderQty = 1, orderType = "Limit", price = 21_010m, isAutomated = true,
            other = new { action = "Sell", orderType = "Stop", stopPrice = 20_990m },
        });
        var (first, other) = ((long)placed["orderId"]!, (long)placed["ocoId"]!);
        h.Exchange.SetPrice("NQZ6", 20_985m);

        Assert.Equal(("Canceled", "Filled"), (h.Exchange.Order(first).OrdStatus, h.Exchange.Order(other).OrdStatus));
        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "NQZ6"));
    }

    [Fact]
    public async Task LiquidateFlattensAndCancelsWorkingOrdersOfThatContract()
    {
        await using var h = await StartAsync();
        await h.PlaceAsync(Market(AccountId, "Buy", 2));
        var working = await h.PlaceAsync(Limit(AccountId, "Sell", 2, 21_100m));
        var elsewhere = await h.PlaceAsync(Limit(AccountId, "Buy", 1, 5_900m, "ESZ6"));
        var contractId = h.Exchange.Contract("NQZ6").Id;

        var placed = await h.PostOkAsync("order/liquidateposition", new { accountId = AccountId, contractId, admin = false });

        var liquidation = (long)placed["orderId"]!;
        Assert.Equal(("Sell", "Filled"), (h.Exchange.Order(liquidation).Action, h.Exchange.Order(liquidation).OrdStatus));
        Assert.Equal(2, h.Exchange.VersionOf(liquidation).OrderQty);
        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "NQZ6"));
        Assert.Equal(("Canceled", "Working"), (h.Exchange.Order(working).OrdStatus, h.Exchange.Order(elsewhere).OrdStatus));
    }

    [Fact]
    public async Task LiquidateKeepsWorkingOrdersWhenTheKnobSaysSo()
    {
        await using var h = await StartAsync();
        h.Exchange.LiquidateCancelsWorkingOrders = false;
        await h.PlaceAsync(Market(AccountId, "Sell", 1));
        var working = await h.PlaceAsync(Limit(AccountId, "Buy", 1, 20_900m));

        await h.PostOkAsync("order/liquidateposition", new { accountId = AccountId, contractId = h.Exchange.Contract("NQZ6").Id, admin = false });

        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "NQZ6"));
        Assert.Equal("Working", h.Exchange.Order(working).OrdStatus);
    }

    [Fact]
    public async Task LiquidateWhenFlatAnswersAFailure()
    {
        await using var h = await StartAsync();

        var answer = await h.PostOkAsync("order/liquidateposition", new { accountId = AccountId, contractId = h.Exchange.Contract("NQZ6").Id, admin = false });

        Assert.Equal(("UnknownReason", "No position to liquidate"), ((string?)answer["failureReason"], (string?)answer["failureText"]));
    }

    [Fact]
    public async Task TradeInPlatformPublishesPropsWithoutAnyRestCall()
    {
        await using var h = await StartAsync();
        var follower = h.Exchange.AddAccount("follower1");
        var socket = await h.ConnectAsync();

        var orderId = h.Exchange.TradeInPlatform(AccountId, "MNQZ6", "Sell", 3);

        Assert.Equal("FOLLOWER1", follower.Name);
        var props = await socket.PropsAsync(11);
        Assert.Equal("fill Created", FakeExchangeSocket.Kinds(props)[7]);
        Assert.Equal(orderId, (long)props[7]["entity"]!["orderId"]!);
        Assert.False(Assert.Single(h.Exchange.CommandsOf(orderId)).IsAutomated);
        Assert.DoesNotContain(h.Server.Requests.All, r => r.Method != "WS");
        Assert.Equal(-3, h.Exchange.NetPosOf(AccountId, "MNQZ6"));
        Assert.Equal(0, h.Exchange.NetPosOf(follower.Id, "MNQZ6"));
    }
}
