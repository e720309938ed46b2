using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using CopyTrader.Tests.Fakes.Tradovate;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>
/// Orders through the production connector against the fake's REST faults. A refusal is an <see cref="OrderResult"/>
/// with Tradovate's words; an unknown outcome throws; an order is never placed twice.
/// </summary>
public sealed class TradovateConnectorOrderFaultTests
{
    private const string PlaceOrder = "order/placeorder";

    /// <summary>One-second REST timeout (the smallest allowed) so no-answer tests stay short.</summary>
    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Tradovate:RequestTimeoutSeconds"] = "1" };

    [Fact]
    public async Task RateLimitedOrderIsRejectedNamingTheLimitAndTheNextIsRefusedWithoutBeingSent()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.RateLimitNextRestCalls(1);

        var limited = await h.MarketAsync(Side.Buy, 1, "ct-429");
        var next = await h.MarketAsync(Side.Buy, 1, "ct-after-429");

        Assert.False(limited.Accepted);
        Assert.Contains("rate limited by Tradovate (HTTP 429)", limited.RejectReason);
        Assert.False(next.Accepted);
        Assert.Contains("locked", next.RejectReason);
        Assert.Contains("nothing was sent", next.RejectReason);
        Assert.Single(h.Server.RequestsTo(PlaceOrder));
        Assert.Empty(h.Exchange.OrdersOf(h.AccountNumber));
    }

    [Fact]
    public async Task PenaltyTicketOnAnOrderIsWaitedOutAndTheIdenticalBodyResentWithTheTicket()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.PenalizeNext(PlaceOrder, count: 1, seconds: 1);

        var result = await h.MarketAsync(Side.Buy, 1, "ct-p-ticket");

        Assert.True(result.Accepted, result.RejectReason);
        AssertResentWithTheTicketAfterPTime(h.Faults.PenaltyResends, PlaceOrder);
        Assert.Equal(result.BrokerOrderId, ConnectorFaultHarness.Text(Assert.Single(h.Exchange.OrdersOf(h.AccountNumber)).Id));
        Assert.Equal("ct-p-ticket", (await h.LiveFillOfAsync(result.BrokerOrderId!)).ClientOrderId);
    }

    [Fact]
    public async Task CaptchaPenaltyOnAnOrderRejectsItAndLocksTheLogin()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.PenalizeNext(PlaceOrder, count: 1, seconds: 3600, captcha: true);

        var penalized = await h.MarketAsync(Side.Buy, 1, "ct-captcha");
        var next = await h.MarketAsync(Side.Buy, 1, "ct-after-captcha");

        Assert.False(penalized.Accepted);
        Assert.Contains("p-captcha", penalized.RejectReason);
        Assert.Contains("locked until", penalized.RejectReason);
        Assert.False(next.Accepted);
        Assert.Contains("nothing was sent", next.RejectReason);
        Assert.Single(h.Server.RequestsTo(PlaceOrder));
        Assert.Empty(h.Faults.PenaltyResends);
        Assert.Empty(h.Exchange.OrdersOf(h.AccountNumber));
    }

    [Fact]
    public async Task ExpiredTokenIsReplacedOnceAndTheOrderIsPlacedOnce()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Server.Rest.ExpireAllTokens();

        var result = await h.MarketAsync(Side.Buy, 1, "ct-expired");

        Assert.True(result.Accepted, result.RejectReason);
        var placements = h.Server.RequestsTo(PlaceOrder);
        Assert.Equal(2, placements.Count);
        Assert.Null(h.Server.Rest.UserOfToken(placements[0].Bearer!));
        Assert.NotNull(h.Server.Rest.UserOfToken(placements[1].Bearer!));
        Assert.Single(h.Exchange.OrdersOf(h.AccountNumber));
    }

    [Fact]
    public async Task AnswerDelayedWithinTheTimeoutIsAccepted()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(ShortTimeout);
        h.Faults.DelayRest(PlaceOrder, TimeSpan.FromMilliseconds(300));

        var result = await h.MarketAsync(Side.Buy, 1, "ct-slow");

        Assert.True(result.Accepted, result.RejectReason);
        Assert.Single(h.Server.RequestsTo(PlaceOrder));
        Assert.Empty(h.Server.RequestsTo(TradovatePlacementRecovery.Path));
    }

    [Fact]
    public async Task AnswerLostAfterThePlacementExecutedIsFoundByClientOrderIdAndNotResent()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(ShortTimeout);
        h.Faults.DelayRest(PlaceOrder, TimeSpan.FromSeconds(5));

        var result = await h.MarketAsync(Side.Buy, 1, "ct-lost-answer");

        Assert.True(result.Accepted, result.RejectReason);
        Assert.Single(h.Server.RequestsTo(PlaceOrder));
        Assert.Single(h.Server.RequestsTo(TradovatePlacementRecovery.Path));
        Assert.Equal(result.BrokerOrderId, ConnectorFaultHarness.Text(Assert.Single(h.Exchange.OrdersOf(h.AccountNumber)).Id));
    }

    [Fact]
    public async Task StalledPlacementFailsWithNoAnswerAfterOneLookupAndOneResendAndIsNeverPlacedTwice()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(ShortTimeout);
        h.Faults.StallRest(PlaceOrder);

        var failure = await Assert.ThrowsAsync<TradovateRestException>(() => h.MarketAsync(Side.Buy, 1, "ct-stalled"));
        h.Faults.ReleaseRest();
        var after = await h.MarketAsync(Side.Sell, 1, "ct-after-stall");

        Assert.Equal(TradovateErrorKind.Timeout, failure.Error.Kind);
        Assert.Contains("no answer", failure.Message);
        Assert.Contains("ct-stalled", failure.Message);
        Assert.Single(h.Server.RequestsTo(TradovatePlacementRecovery.Path));
        Assert.Equal(3, h.Server.RequestsTo(PlaceOrder).Count);
        Assert.True(after.Accepted, after.RejectReason);
        Assert.InRange(OrdersWithClientOrderId(h, "ct-stalled"), 0, 1);
    }

    [Fact]
    public async Task FailureReasonRejectsTheOrderWithTradovatesReasonAndText()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.FailNextPlacement("MaxPosLimitReached", "Max position limit reached");

        var result = await h.MarketAsync(Side.Buy, 1, "ct-refused");

        Assert.False(result.Accepted);
        Assert.Contains("MaxPosLimitReached", result.RejectReason);
        Assert.Contains("Max position limit reached", result.RejectReason);
        Assert.Empty(h.Exchange.OrdersOf(h.AccountNumber));
    }

    [Fact]
    public async Task AsynchronousRejectComesBackAsARejectedOrderUpdateWithTheReason()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.RejectNextPlacement("MaxPosLimitReached", "Max position limit reached");

        var result = await h.MarketAsync(Side.Buy, 1, "ct-async-reject");
        var rejected = await h.Probe.WaitForAsync<OrderUpdateEvent>(
            e => !e.IsSnapshot && e.Order.BrokerOrderId == result.BrokerOrderId && e.Order.Status == OrderStatus.Rejected, "the reject");

        Assert.True(result.Accepted, result.RejectReason);
        Assert.Equal((h.AccountId, "ct-async-reject"), (rejected.AccountId, rejected.Order.ClientOrderId));
        Assert.Contains("MaxPosLimitReached", rejected.Order.Reason);
        Assert.Contains("Max position limit reached", rejected.Order.Reason);
        Assert.Empty(h.Probe.Live<FillEvent>());
    }

    [Fact]
    public async Task CancelOfAFilledOrderIsRejectedWithTradovatesTooLate()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        var placed = await h.MarketAsync(Side.Buy, 1, "ct-filled");
        await h.LiveFillOfAsync(placed.BrokerOrderId!);

        var result = await h.Connector.CancelOrderAsync(h.AccountId, placed.BrokerOrderId!, CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("TooLate", result.RejectReason);
        Assert.Contains("Filled", result.RejectReason);
        Assert.Single(h.Server.RequestsTo("order/cancelorder"));
    }

    [Fact]
    public async Task ModifyOfAnOrderThatFilledBeforeTheStreamSaidSoIsRejectedWithTradovatesTooLate()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        var below = h.Exchange.PriceOf(ConnectorFaultHarness.Symbol) - 10m;
        var placed = await h.LimitAsync(Side.Buy, 1, below, "ct-racing");
        await h.Probe.WaitForAsync<OrderUpdateEvent>(
            e => e.Order.BrokerOrderId == placed.BrokerOrderId && e.Order.Status == OrderStatus.Working, "the working limit order");

        h.Faults.StallSockets(); // the connector does not hear of the fill until the modify is answered
        h.Exchange.SetPrice(ConnectorFaultHarness.Symbol, below - 1m);
        var result = await h.Connector.ModifyOrderAsync(h.AccountId, placed.BrokerOrderId!, 1, below - 2m, null, null, CancellationToken.None);
        h.Faults.ResumeSockets();

        Assert.False(result.Accepted);
        Assert.Contains("TooLate", result.RejectReason);
        Assert.Contains("Filled", result.RejectReason);
        Assert.Single(h.Server.RequestsTo("order/modifyorder"));
        Assert.Equal("ct-racing", (await h.LiveFillOfAsync(placed.BrokerOrderId!)).ClientOrderId);
    }

    [Fact]
    public async Task ModifyOfAnOrderKnownToBeFilledIsRefusedWithoutReachingTradovate()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        var placed = await h.MarketAsync(Side.Buy, 1, "ct-done");
        await h.Probe.WaitForAsync<OrderUpdateEvent>(
            e => e.Order.BrokerOrderId == placed.BrokerOrderId && e.Order.Status == OrderStatus.Filled, "the filled order");

        var result = await h.Connector.ModifyOrderAsync(h.AccountId, placed.BrokerOrderId!, 2, null, null, null, CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("is not working", result.RejectReason);
        Assert.Empty(h.Server.RequestsTo("order/modifyorder"));
    }

    /// <summary>
    /// Every resend carried the issued ticket and the identical body, and the one executed came after p-time. A timer may
    /// wake a millisecond before the fake's wall clock says p-time has passed; the fake then answers the ticket again and
    /// the client waits once more, which is still correct.
    /// </summary>
    private static void AssertResentWithTheTicketAfterPTime(IReadOnlyList<FakeTradovatePenaltyResend> resends, string endpoint)
    {
        Assert.NotEmpty(resends);
        Assert.All(resends, r => Assert.Equal((endpoint, "p-ticket-1", true, false), (r.Endpoint, r.Ticket, r.BodyMatched, r.Captcha)));
        Assert.False(resends[^1].Early);
    }

    private static int OrdersWithClientOrderId(ConnectorFaultHarness h, string clientOrderId) =>
        h.Exchange.OrdersOf(h.AccountNumber).Count(o => h.Exchange.CommandsOf(o.Id).Any(c => c.ClOrdId == clientOrderId));
}
