using System.Net;
using System.Text.Json.Nodes;
using static CopyTrader.Tests.Fakes.Tradovate.ExchangeTests.FakeExchangeHarness;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>Every fault knob of <see cref="FakeTradovateFaults"/> and the server, exercised once.</summary>
public class FakeExchangeFaultTests
{
    private static readonly TimeSpan Brief = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task DropsOneSocketOrEverySocket()
    {
        await using var h = await StartAsync();
        var first = await h.ConnectAsync();
        var second = await h.ConnectAsync();
        var third = await h.ConnectAsync();

        h.Server.Connections[0].Drop();
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False(second.Ended.IsCompleted);
        h.Server.DropAllConnections();

        await Task.WhenAll(second.Ended, third.Ended).WaitAsync(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task StalledSocketsSendNothingNotEvenHeartbeatsUntilResumed()
    {
        await using var h = await StartAsync(o => o with { TimeProvider = TimeProvider.System, HeartbeatInterval = TimeSpan.FromMilliseconds(40) });
        var socket = await h.ConnectAsync();
        var connection = h.Server.Connections[0];
        await EventuallyAsync(() => connection.SentFrames.Count(f => f == "h") >= 2);

        h.Server.Faults.StallSockets();
        await Task.Delay(60); // a heartbeat already in flight may still leave
        var heartbeats = connection.SentFrames.Count(f => f == "h");
        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);

        Assert.True(await socket.QuietForAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(heartbeats, connection.SentFrames.Count(f => f == "h"));
        h.Server.Faults.ResumeSockets();
        Assert.Equal(11, (await socket.PropsAsync(11)).Count);
        await EventuallyAsync(() => connection.SentFrames.Count(f => f == "h") > heartbeats);
    }

    [Fact]
    public async Task StalledRestCallHangsBeforeExecutingUntilReleased()
    {
        await using var h = await StartAsync();
        h.Server.Faults.StallRest("order/placeorder");

        var placing = h.PostAsync("order/placeorder", Market(AccountId, "Buy", 1));
        await EventuallyAsync(() => h.Server.RequestsTo("order/placeorder").Count == 1);
        var other = await h.GetAsync("account/list");
        await Task.Delay(Brief);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.False(placing.IsCompleted);
        Assert.Empty(h.Exchange.OrdersOf(AccountId));
        h.Server.Faults.ReleaseRest();
        Assert.Equal(HttpStatusCode.OK, (await placing.WaitAsync(TimeSpan.FromSeconds(3))).Status);
        Assert.Single(h.Exchange.OrdersOf(AccountId));
    }

    [Fact]
    public async Task DelayedAnswerComesAfterTheCallExecuted()
    {
        await using var h = await StartAsync();
        h.Server.Faults.DelayRest("order/placeorder", TimeSpan.FromSeconds(5));

        var placing = h.PostAsync("order/placeorder", Market(AccountId, "Buy", 1));
        await EventuallyAsync(() => h.Exchange.OrdersOf(AccountId).Count == 1);
        h.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(Brief);

        Assert.False(placing.IsCompleted);
        Assert.Equal("Filled", h.Exchange.OrdersOf(AccountId)[0].OrdStatus);
        for (var i = 0; i < 10 && !placing.IsCompleted; i++)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(1)); // the delay may have started after the first advance
            await Task.WhenAny(placing, Task.Delay(Brief));
        }

        var (status, body) = await placing;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("orderId", body);
    }

    [Fact]
    public async Task RateLimitedRestCallsAnswer429WithAnEmptyBody()
    {
        await using var h = await StartAsync();
        h.Server.Faults.RateLimitNextRestCalls(2);

        var auth = await h.PostAsync("auth/accesstokenrequest", "{}", token: null);
        var trading = await h.PostAsync("order/placeorder", Market(AccountId, "Buy", 1));
        var third = await h.PostAsync("order/placeorder", Market(AccountId, "Buy", 1));

        Assert.Equal((HttpStatusCode.TooManyRequests, ""), auth);
        Assert.Equal((HttpStatusCode.TooManyRequests, ""), trading);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Single(h.Exchange.OrdersOf(AccountId));
        Assert.Equal(3, h.Server.Requests.All.Count);
    }

    [Fact]
    public async Task RateLimitedSocketRequestAnswers429()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.RateLimitNextSocketRequests(1);

        await socket.SendAsync("account/list\n2\n\n");

        Assert.Equal("a[{\"s\":429,\"i\":2}]", await socket.NextFrameAsync());
        Assert.Equal(200, (int)(await socket.RequestAsync("account/list", "", ""))["s"]!);
    }

    [Fact]
    public async Task PenalizedCallRunsOnlyWhenResentWithItsTicket()
    {
        await using var h = await StartAsync();
        h.Server.Faults.PenalizeNext("order/placeorder");
        var body = MarketBody();

        var penalty = await h.PostOkAsync("order/placeorder", body.ToJsonString());
        Assert.Empty(h.Exchange.OrdersOf(AccountId));
        body["p-ticket"] = (string?)penalty["p-ticket"];
        var placed = await h.PostOkAsync("order/placeorder", body.ToJsonString());

        Assert.Equal(("p-ticket-1", 0), ((string?)penalty["p-ticket"], (int)penalty["p-time"]!));
        Assert.Null(penalty["p-captcha"]);
        Assert.Equal(h.Exchange.OrdersOf(AccountId).Single().Id, (long)placed["orderId"]!);
        Assert.Equal(new FakeTradovatePenaltyResend("order/placeorder", "p-ticket-1", true, false, false), Assert.Single(h.Server.Faults.PenaltyResends));
    }

    [Fact]
    public async Task ResendWithAnotherBodyIsRecordedAsNotMatching()
    {
        await using var h = await StartAsync();
        h.Server.Faults.PenalizeNext("order/placeorder");
        var penalty = await h.PostOkAsync("order/placeorder", Market(AccountId, "Buy", 1));

        var body = MarketBody();
        body["orderQty"] = 3;
        body["p-ticket"] = (string?)penalty["p-ticket"];
        await h.PostOkAsync("order/placeorder", body.ToJsonString());

        Assert.False(Assert.Single(h.Server.Faults.PenaltyResends).BodyMatched);
        Assert.Equal(3, h.Exchange.VersionOf(h.Exchange.OrdersOf(AccountId).Single().Id).OrderQty);
    }

    [Fact]
    public async Task EarlyResendGetsThePenaltyAgainUntilPTimeHasPassed()
    {
        await using var h = await StartAsync();
        h.Server.Faults.PenalizeNext("order/placeorder", seconds: 5);
        var body = MarketBody();
        var penalty = await h.PostOkAsync("order/placeorder", body.ToJsonString());
        body["p-ticket"] = (string?)penalty["p-ticket"];

        var early = await h.PostOkAsync("order/placeorder", body.ToJsonString());
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var placed = await h.PostOkAsync("order/placeorder", body.ToJsonString());

        Assert.Equal(((string?)penalty["p-ticket"], 5), ((string?)early["p-ticket"], (int)early["p-time"]!));
        Assert.NotNull(placed["orderId"]);
        Assert.Equal([(true, true), (false, true)], h.Server.Faults.PenaltyResends.Select(r => (r.Early, r.BodyMatched)));
    }

    [Fact]
    public async Task CaptchaTicketIsNeverClearedByAResend()
    {
        await using var h = await StartAsync();
        h.Server.Faults.PenalizeNext("order/placeorder", seconds: 3600, captcha: true);
        var body = MarketBody();
        var penalty = await h.PostOkAsync("order/placeorder", body.ToJsonString());
        body["p-ticket"] = (string?)penalty["p-ticket"];
        h.Clock.Advance(TimeSpan.FromHours(2));

        var again = await h.PostOkAsync("order/placeorder", body.ToJsonString());
        h.Server.Faults.ClearPenalties();
        var cleared = await h.PostOkAsync("order/placeorder", body.ToJsonString());

        Assert.True((bool)penalty["p-captcha"]!);
        Assert.Equal((penalty["p-ticket"]!.ToString(), true), (again["p-ticket"]!.ToString(), (bool)again["p-captcha"]!));
        Assert.True(Assert.Single(h.Server.Faults.PenaltyResends).Captcha);
        Assert.NotNull(cleared["orderId"]);
    }

    [Fact]
    public async Task PenalizedSyncRequestOverTheSocketIsAnsweredOnResend()
    {
        await using var h = await StartAsync();
        h.Server.Faults.PenalizeNext("user/syncrequest");
        var socket = await FakeExchangeSocket.OpenAsync(h.Server.WebSocketUrl, Token, syncBody: null);

        var penalty = await socket.RequestAsync("user/syncrequest", "", $"{{\"users\":[{UserId}]}}");
        var snapshot = await socket.RequestAsync("user/syncrequest", "", $"{{\"users\":[{UserId}],\"p-ticket\":\"{penalty["d"]!["p-ticket"]}\"}}");
        await socket.DisposeAsync();

        Assert.Equal(200, (int)penalty["s"]!);
        Assert.Equal("p-ticket-1", (string?)penalty["d"]!["p-ticket"]);
        Assert.NotNull(snapshot["d"]!["users"]);
        Assert.True(Assert.Single(h.Server.Faults.PenaltyResends).BodyMatched);
        Assert.Single(h.Server.Connections[0].SyncRequestBodies);
    }

    [Fact]
    public async Task MalformedFramePrecedesTheNextPropsFrame()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.MalformedFrameBeforeNextProps();

        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);
        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Sell", 1);

        Assert.Equal("a[{\"e\":\"props\",\"d\":", await socket.NextFrameAsync());
        Assert.Equal(11, (await socket.NextMessagesAsync()).Count);
        Assert.Equal(12, (await socket.NextMessagesAsync()).Count); // the closing trade adds a fillPair
    }

    [Fact]
    public async Task DuplicateEventsSendsEachPropsTwice()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.DuplicateEvents = true;

        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);

        var props = await socket.PropsAsync(22);
        Assert.All(props.Chunk(2), pair => Assert.True(JsonNode.DeepEquals(pair[0], pair[1])));
        Assert.Equal(2, props.Count(p => (string?)p["entityType"] == "fill"));
    }

    [Fact]
    public async Task ReorderedEventsCanPutTheFillBeforeItsOrder()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.ReorderEvents = FakeTradovateEventOrders.Reversed;

        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);
        h.Server.Faults.ReorderEvents = FakeTradovateEventOrders.FillsFirst;
        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);

        var reversed = FakeExchangeSocket.Kinds(await socket.PropsAsync(11));
        var fillsFirst = FakeExchangeSocket.Kinds(await socket.PropsAsync(11));
        Assert.Equal(["cashBalance Updated", "position Created", "order Updated", "fill Created"], reversed.Take(4));
        Assert.Equal("order Created", reversed[^1]);
        Assert.Equal(["fill Created", "order Created"], fillsFirst.Take(2));
    }

    [Fact]
    public async Task PropsPerFrameSplitsAnOperationIntoFrames()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.PropsPerFrame = 4;

        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);

        var sizes = new List<int>();
        for (var frame = 0; frame < 3; frame++)
        {
            sizes.Add((await socket.NextMessagesAsync()).Count);
        }

        Assert.Equal([4, 4, 3], sizes);
    }

    [Fact]
    public async Task SessionEndShutsEverySocketAndTheNextSnapshotHoldsTheDaysFills()
    {
        await using var h = await StartAsync();
        var first = await h.ConnectAsync();
        var second = await h.ConnectAsync();
        var orderId = h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);
        await first.PropsAsync(11);

        await h.Server.EndSessionAsync();

        Assert.Equal("a[{\"e\":\"shutdown\",\"d\":{\"reasonCode\":\"Maintenance\"}}]", await first.NextFrameAsync());
        await Task.WhenAll(first.Ended, second.Ended).WaitAsync(TimeSpan.FromSeconds(3));
        var reconnected = await h.ConnectAsync();
        var fill = Assert.Single(reconnected.Snapshot["fills"]!.AsArray());
        Assert.Equal(orderId, (long)fill!["orderId"]!);
    }

    [Fact]
    public async Task ReplayPublishesEveryFillOfTheDayAgain()
    {
        await using var h = await StartAsync();
        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);
        h.Exchange.TradeInPlatform(AccountId, "ESZ6", "Sell", 2);
        var socket = await h.ConnectAsync();

        h.Exchange.ReplayFillsOfTheDay();

        var props = await socket.PropsAsync(2);
        Assert.Equal(["fill Created", "fill Created"], FakeExchangeSocket.Kinds(props));
        Assert.Equal(h.Exchange.FillsOf(AccountId).Select(f => f.Id), props.Select(p => (long)p["entity"]!["id"]!));
    }

    [Fact]
    public async Task RejectedPlacementAnswersTheOrderIdThenGoesRejected()
    {
        await using var h = await StartAsync();
        var socket = await h.ConnectAsync();
        h.Server.Faults.RejectNextPlacement("MaxPosLimitReached", "Max position limit reached");

        var orderId = await h.PlaceAsync(Market(AccountId, "Buy", 1));

        var props = await socket.PropsAsync(6);
        Assert.Equal(
            ["order Created", "command Created", "orderVersion Created", "commandReport Created", "executionReport Created", "order Updated"],
            FakeExchangeSocket.Kinds(props));
        Assert.Equal(("RiskRejected", "MaxPosLimitReached", "Max position limit reached"),
            ((string?)props[3]["entity"]!["commandStatus"], (string?)props[3]["entity"]!["rejectReason"], (string?)props[3]["entity"]!["text"]));
        Assert.Equal("Rejected", h.Exchange.Order(orderId).OrdStatus);
        Assert.Equal(0, h.Exchange.NetPosOf(AccountId, "NQZ6"));
    }

    [Fact]
    public async Task FailedPlacementAnswersFailureReasonForTheTargetedAccountOnly()
    {
        await using var h = await StartAsync();
        var follower1 = h.Exchange.AddAccount("FOLLOWER1");
        var follower2 = h.Exchange.AddAccount("FOLLOWER2");
        h.Server.Faults.FailNextPlacement("MaxPosLimitReached", "Max position limit reached", follower2.Id);

        var first = await h.PostOkAsync("order/placeorder", Market(follower1.Id, "Buy", 1));
        var refused = await h.PostOkAsync("order/placeorder", Market(follower2.Id, "Buy", 1));
        var retried = await h.PostOkAsync("order/placeorder", Market(follower2.Id, "Buy", 1));

        Assert.NotNull(first["orderId"]);
        Assert.Equal(("MaxPosLimitReached", "Max position limit reached"), ((string?)refused["failureReason"], (string?)refused["failureText"]));
        Assert.Null(refused["orderId"]);
        Assert.NotNull(retried["orderId"]);
        Assert.Single(h.Exchange.OrdersOf(follower2.Id));
    }

    [Fact]
    public async Task ExpiringEveryTokenRefusesThemAtRestButKeepsOpenSockets()
    {
        await using var h = await StartAsync();
        var token = await h.LoginAsync("joe", "Case-Sensitive-1");
        var socket = await h.ConnectAsync(token);

        h.Server.Rest.ExpireAllTokens();
        h.Exchange.TradeInPlatform(AccountId, "NQZ6", "Buy", 1);

        Assert.Equal(HttpStatusCode.Unauthorized, (await h.GetAsync("account/list", token)).Status);
        Assert.Equal(11, (await socket.PropsAsync(11)).Count);
    }

    private static JsonObject MarketBody() => new()
    {
        ["accountId"] = AccountId, ["action"] = "Buy", ["symbol"] = "NQZ6", ["orderQty"] = 1, ["orderType"] = "Market", ["isAutomated"] = true,
    };

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(3);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
