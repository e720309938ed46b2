using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

public sealed class TradovateOrderClientTests
{
    private static readonly TradovateOrderTicket Market = new(67890, "DEMO12345", "JT_COPY_abc123", Side.Buy, "NQH5", 1, OrderType.Market, TimeInForce: TradovateTimeInForce.GTC);

    [Fact]
    public async Task PlaceOrderSendsTheDocumentedBody()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"orderId":123456}""");

        var result = await h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None);

        Assert.Equal(new TradovatePlacedOrder(123456), result.Value);
        Assert.Equal(
            """{"accountSpec":"DEMO12345","accountId":67890,"clOrdId":"JT_COPY_abc123","action":"Buy","symbol":"NQH5","orderQty":1,"orderType":"Market","timeInForce":"GTC","isAutomated":true}""",
            h.Server.To("order/placeorder").Single().Body);
    }

    [Fact]
    public async Task PlaceStopLimitGtdSendsPricesAndExpireTime()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"orderId":5}""");
        var ticket = Market with
        {
            Action = Side.Sell,
            OrderQty = 3,
            OrderType = OrderType.StopLimit,
            Price = 21000.25m,
            StopPrice = 21001.5m,
            TimeInForce = TradovateTimeInForce.GTD,
            ExpireTime = new DateTimeOffset(2026, 11, 5, 16, 0, 0, TimeSpan.FromHours(-5)),
        };

        await h.Orders.PlaceOrderAsync(ticket, null, CancellationToken.None);

        Assert.Equal(
            """{"accountSpec":"DEMO12345","accountId":67890,"clOrdId":"JT_COPY_abc123","action":"Sell","symbol":"NQH5","orderQty":3,"orderType":"StopLimit","price":21000.25,"stopPrice":21001.5,"timeInForce":"GTD","expireTime":"2026-11-05T21:00:00.000Z","isAutomated":true}""",
            h.Server.To("order/placeorder").Single().Body);
    }

    [Fact]
    public async Task TrailingStopSendsItsStopPrice()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"orderId":5}""");

        await h.Orders.PlaceOrderAsync(Market with { OrderType = OrderType.TrailingStop, StopPrice = 100.5m, TimeInForce = null }, null, CancellationToken.None);

        Assert.Contains("\"orderType\":\"TrailingStop\",\"stopPrice\":100.5,\"isAutomated\":true}", h.Server.To("order/placeorder").Single().Body);
    }

    [Fact]
    public async Task PlaceOsoSendsBothBracketsAndReturnsTheirIds()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeoso", 200, """{"orderId":10,"oso1Id":11,"oso2Id":12}""");
        var entry = Market with { OrderType = OrderType.Limit, Price = 100m, TimeInForce = TradovateTimeInForce.Day };
        var target = new TradovateBracket(Side.Sell, OrderType.Limit, Price: 110m, ClOrdId: "CT-tp");
        var stop = new TradovateBracket(Side.Sell, OrderType.Stop, StopPrice: 95m, TimeInForce: TradovateTimeInForce.GTC);

        var result = await h.Orders.PlaceOsoAsync(entry, target, stop, null, CancellationToken.None);

        Assert.Equal(new TradovatePlacedOso(10, 11, 12), result.Value);
        Assert.Equal(
            """{"accountSpec":"DEMO12345","accountId":67890,"clOrdId":"JT_COPY_abc123","action":"Buy","symbol":"NQH5","orderQty":1,"orderType":"Limit","price":100,"timeInForce":"Day","isAutomated":true,"bracket1":{"action":"Sell","clOrdId":"CT-tp","orderType":"Limit","price":110},"bracket2":{"action":"Sell","orderType":"Stop","stopPrice":95,"timeInForce":"GTC"}}""",
            h.Server.To("order/placeoso").Single().Body);
    }

    [Fact]
    public async Task PlaceOcoSendsTheOtherOrderAndReturnsTheOcoId()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeoco", 200, """{"orderId":20,"ocoId":21}""");
        var limit = Market with { Action = Side.Sell, OrderType = OrderType.Limit, Price = 110m, TimeInForce = null };

        var result = await h.Orders.PlaceOcoAsync(limit, new TradovateBracket(Side.Sell, OrderType.Stop, StopPrice: 95m), null, CancellationToken.None);

        Assert.Equal(new TradovatePlacedOco(20, 21), result.Value);
        Assert.Equal(
            """{"accountSpec":"DEMO12345","accountId":67890,"clOrdId":"JT_COPY_abc123","action":"Sell","symbol":"NQH5","orderQty":1,"orderType":"Limit","price":110,"isAutomated":true,"other":{"action":"Sell","orderType":"Stop","stopPrice":95}}""",
            h.Server.To("order/placeoco").Single().Body);
    }

    [Fact]
    public async Task ModifySendsTheNewQuantityTypeAndPrices()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/modifyorder", 200, """{"commandId":77}""");

        var result = await h.Orders.ModifyOrderAsync(new TradovateOrderChange(123, 2, OrderType.StopLimit, 101.25m, 101m), null, CancellationToken.None);

        Assert.Equal(new TradovateCommandAccepted(77), result.Value);
        Assert.Equal(
            """{"orderId":123,"orderQty":2,"orderType":"StopLimit","price":101.25,"stopPrice":101,"isAutomated":true}""",
            h.Server.To("order/modifyorder").Single().Body);
    }

    [Fact]
    public async Task CancelSendsTheOrderId()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/cancelorder", 200, """{"commandId":78}""");

        var result = await h.Orders.CancelOrderAsync(123, CancellationToken.None);

        Assert.Equal(new TradovateCommandAccepted(78), result.Value);
        Assert.Equal("""{"orderId":123,"isAutomated":true}""", h.Server.To("order/cancelorder").Single().Body);
    }

    [Fact]
    public async Task LiquidateSendsAccountContractAndAdminFalse()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/liquidateposition", 200, """{"orderId":99}""");

        var result = await h.Orders.LiquidatePositionAsync(67890, 1234, CancellationToken.None);

        Assert.Equal(new TradovatePlacedOrder(99), result.Value);
        Assert.Equal("""{"accountId":67890,"contractId":1234,"admin":false}""", h.Server.To("order/liquidateposition").Single().Body);
    }

    [Fact]
    public async Task RejectionCarriesFailureReasonAndTextAndIsNotResent()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"failureReason":"SessionClosed","failureText":"Market is closed"}""");

        var result = await h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None);

        Assert.Equal((TradovateErrorKind.Rejected, "SessionClosed", "Market is closed"), (result.Error!.Kind, result.Error.FailureReason, result.Error.FailureText));
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task ModifyRejectionCarriesFailureReason()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/modifyorder", 200, """{"failureReason":"TooLate","failureText":"Order is filled"}""");

        var result = await h.Orders.ModifyOrderAsync(new TradovateOrderChange(1, 1, OrderType.Market), null, CancellationToken.None);

        Assert.Equal("rejected: TooLate: Order is filled", result.Error!.Message);
    }

    [Theory]
    [InlineData("order/placeorder", """{"something":1}""")]
    [InlineData("order/cancelorder", """{}""")]
    public async Task AcceptedAnswerWithoutItsIdIsMalformed(string path, string body)
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer(path, 200, body);

        var error = path == "order/placeorder"
            ? (await h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None)).Error
            : (await h.Orders.CancelOrderAsync(1, CancellationToken.None)).Error;

        Assert.Equal(TradovateErrorKind.Malformed, error!.Kind);
        Assert.Contains(body, error.Message);
    }

    [Theory]
    [InlineData(OrderType.Limit, null, null, "a Limit order needs price")]
    [InlineData(OrderType.Market, 100.0, null, "a Market order takes no price")]
    [InlineData(OrderType.Stop, null, null, "a Stop order needs stopPrice")]
    [InlineData(OrderType.StopLimit, 100.0, null, "a StopLimit order needs stopPrice")]
    public async Task InvalidPricesAreRefusedWithoutSending(OrderType type, double? price, double? stop, string problem)
    {
        await using var h = await TradovateRestHarness.StartAsync();

        var result = await h.Orders.PlaceOrderAsync(Market with { OrderType = type, Price = (decimal?)price, StopPrice = (decimal?)stop }, null, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal($"not sent: {problem}", result.Error.Message);
        Assert.Empty(h.Server.Received);
    }

    [Fact]
    public async Task MissingClientOrderIdIsRefused()
    {
        await using var h = await TradovateRestHarness.StartAsync();

        var result = await h.Orders.PlaceOrderAsync(Market with { ClOrdId = " " }, null, CancellationToken.None);

        Assert.Contains("clOrdId is required", result.Error!.Message);
        Assert.Empty(h.Server.Received);
    }

    [Fact]
    public async Task TimeoutThenFoundByClientOrderIdReturnsThatOrderWithoutPlacingAgain()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/placeorder").Answer("command/list", 200,
            """[{"id":1,"orderId":500,"clOrdId":"other","commandType":"New"},{"id":2,"orderId":600,"clOrdId":"JT_COPY_abc123","commandType":"Modify"},{"id":3,"orderId":601,"clOrdId":"JT_COPY_abc123","commandType":"New"}]""");

        var result = await TimeOutFirstPlacementAsync(h, h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None));

        Assert.Equal(new TradovatePlacedOrder(601, Recovered: true), result.Value);
        Assert.Single(h.Server.To("order/placeorder"));
        Assert.Equal("GET", h.Server.To("command/list").Single().Method);
    }

    [Fact]
    public async Task TimeoutThenNotFoundResendsOnceWithTheSameBody()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/placeorder")
            .Answer("command/list", 200, """[{"id":1,"orderId":500,"clOrdId":"other","commandType":"New"}]""")
            .Answer("order/placeorder", 200, """{"orderId":700}""");

        var result = await TimeOutFirstPlacementAsync(h, h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None));

        Assert.Equal(new TradovatePlacedOrder(700), result.Value);
        var placed = h.Server.To("order/placeorder");
        Assert.Equal(2, placed.Count);
        Assert.Equal(placed[0].Body, placed[1].Body);
        Assert.Equal(["order/placeorder", "command/list", "order/placeorder"], h.Server.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task TimeoutTwiceFailsWithoutAThirdPlacement()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/placeorder").Answer("command/list", 200, "[]").Hang("order/placeorder");

        var placing = h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None);
        await h.Server.WaitForRequestsAsync(1);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        await h.Server.WaitForRequestsAsync(3);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var result = await placing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TradovateErrorKind.Timeout, result.Error!.Kind);
        Assert.Contains("resent once and again no answer", result.Error.Message);
        Assert.Contains("not sent again", result.Error.Message);
        Assert.Equal(2, h.Server.To("order/placeorder").Count);
    }

    [Fact]
    public async Task TimeoutThenFailedLookupDoesNotResend()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/placeorder").Answer("command/list", 500, "oops");

        var result = await TimeOutFirstPlacementAsync(h, h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None));

        Assert.Equal(TradovateErrorKind.Timeout, result.Error!.Kind);
        Assert.Contains("failed too (HTTP 500 InternalServerError: oops), so it was not resent", result.Error.Message);
        Assert.Single(h.Server.To("order/placeorder"));
    }

    [Fact]
    public async Task OsoTimeoutRecoversTheEntryAndBracketIdsByTheirClientOrderIds()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/placeoso").Answer("command/list", 200,
            """[{"id":1,"orderId":10,"clOrdId":"JT_COPY_abc123","commandType":"New"},{"id":2,"orderId":11,"clOrdId":"CT-tp","commandType":"New"}]""");
        var entry = Market with { OrderType = OrderType.Limit, Price = 100m };

        var result = await TimeOutFirstPlacementAsync(h, h.Orders.PlaceOsoAsync(
            entry, new TradovateBracket(Side.Sell, OrderType.Limit, Price: 110m, ClOrdId: "CT-tp"), new TradovateBracket(Side.Sell, OrderType.Stop, StopPrice: 95m), null, CancellationToken.None));

        Assert.Equal(new TradovatePlacedOso(10, 11, null, Recovered: true), result.Value);
        Assert.Single(h.Server.To("order/placeoso"));
    }

    [Fact]
    public async Task ModifyTimeoutIsNotRetried()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("order/modifyorder");

        var modifying = h.Orders.ModifyOrderAsync(new TradovateOrderChange(1, 1, OrderType.Market), new TradovateCall(Timeout: TimeSpan.FromSeconds(4)), CancellationToken.None);
        await h.Server.WaitForRequestsAsync(1);
        h.Clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(TradovateErrorKind.Timeout, (await modifying.WaitAsync(TimeSpan.FromSeconds(5))).Error!.Kind);
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task CancelAndLiquidationGoAheadOfWaitingPlacements()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["RequestsPerMinute"] = "1" });
        h.Server.Answer("account/list", 200, "[]").Answer("order/placeorder", 200, """{"orderId":1}""")
            .Answer("order/cancelorder", 200, """{"commandId":2}""").Answer("order/liquidateposition", 200, """{"orderId":3}""");
        await h.Client.SendAsync(TradovateRestRequest.Get("account/list"), CancellationToken.None);

        var place = h.Orders.PlaceOrderAsync(Market, null, CancellationToken.None);
        var cancel = h.Orders.CancelOrderAsync(9, CancellationToken.None);
        var liquidate = h.Orders.LiquidatePositionAsync(67890, 1234, CancellationToken.None);
        Assert.Equal(3, h.Client.WaitingForRateLimit);
        for (var served = 2; served <= 4; served++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            await h.Server.WaitForRequestsAsync(served);
        }

        await Task.WhenAll(place, cancel, liquidate).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["account/list", "order/cancelorder", "order/liquidateposition", "order/placeorder"], h.Server.Received.Select(r => r.Path));
    }

    private static async Task<TradovateResult<T>> TimeOutFirstPlacementAsync<T>(TradovateRestHarness h, Task<TradovateResult<T>> placing)
    {
        await h.Server.WaitForRequestsAsync(1);
        h.Clock.Advance(TimeSpan.FromSeconds(10)); // the default Tradovate:RequestTimeoutSeconds
        return await placing.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
