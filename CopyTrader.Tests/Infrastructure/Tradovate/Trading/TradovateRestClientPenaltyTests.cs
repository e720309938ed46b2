using System.Text.Json.Nodes;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using static CopyTrader.Tests.Infrastructure.Tradovate.Trading.TradovateRestRequests;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>Penalty tickets, captcha and 429 locks, the 423 warning (protocol file 1.3, 1.4).</summary>
public sealed class TradovateRestClientPenaltyTests
{
    [Fact]
    public async Task WaitsPTimeThenResendsTheIdenticalBodyWithTheTicket()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"p-ticket":"tkt-1","p-time":5}""").Answer("order/placeorder", 200, """{"orderId":9}""");

        var sending = h.Client.SendAsync(Place(), CancellationToken.None);
        await h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.Single(h.Server.Received);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(9, result.Value.GetProperty("orderId").GetInt32());
        var sent = h.Server.To("order/placeorder");
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Body[..^1] + ""","p-ticket":"tkt-1"}""", sent[1].Body);
        Assert.Equal(TimeSpan.FromSeconds(5), sent[1].At - sent[0].At);
    }

    [Fact]
    public async Task PenaltyOnAGetPutsTheTicketInTheQuery()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("position/deps", 200, """{"p-ticket":"t/2","p-time":1}""").Answer("position/deps", 200, "[]");

        var sending = h.Client.SendAsync(TradovateRestRequest.Get("position/deps", ("masterid", 7L)), CancellationToken.None);
        await h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await sending.WaitAsync(TimeSpan.FromSeconds(5))).IsSuccess);
        Assert.Equal(["masterid=7", "masterid=7&p-ticket=t%2F2"], h.Server.To("position/deps").Select(r => r.Query));
    }

    [Fact]
    public async Task FailsAfterTheConfiguredPenaltyResends()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["PenaltyRetryLimit"] = "1" });
        h.Server.Answer("order/placeorder", 200, """{"p-ticket":"a","p-time":2}""").Answer("order/placeorder", 200, """{"p-ticket":"b","p-time":2}""");

        var sending = h.Client.SendAsync(Place(), CancellationToken.None);
        await h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TradovateErrorKind.PenaltyPersisted, result.Error!.Kind);
        Assert.Contains("after 1 resend(s)", result.Error.Message);
        Assert.Equal(2, h.Server.Received.Count);
        Assert.Null(h.Client.CurrentLock);
    }

    [Fact]
    public async Task PenaltyRetryLimitZeroFailsAtTheFirstTicket()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["PenaltyRetryLimit"] = "0" });
        h.Server.Answer("order/placeorder", 200, """{"p-ticket":"a","p-time":2}""");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.Equal(TradovateErrorKind.PenaltyPersisted, result.Error!.Kind);
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task PenaltyLongerThanTheMaximumWaitFailsAtOnce()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["PenaltyMaxWaitSeconds"] = "30" });
        h.Server.Answer("order/placeorder", 200, """{"p-ticket":"a","p-time":31}""");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.Equal(TradovateErrorKind.PenaltyPersisted, result.Error!.Kind);
        Assert.Contains("wait 31 s, more than Tradovate:PenaltyMaxWaitSeconds (30)", result.Error.Message);
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task CaptchaLocksTheLoginAndRefusesFurtherCallsUntilItEnds()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"p-ticket":"a","p-time":5,"p-captcha":true}""").Answer("account/list", 200, "[]");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);
        var refused = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.PenaltyCaptcha, result.Error!.Kind);
        var until = TradovateRestHarness.Start.AddMinutes(60);
        Assert.Equal(new TradovateLoginLock("penalty ticket with p-captcha", until), h.Client.CurrentLock);
        Assert.Equal(until, result.Error.LockedUntil);
        Assert.Equal(TradovateErrorKind.LoginLocked, refused.Error!.Kind);
        Assert.Contains("locked until 2026-11-04 15:30:00Z (penalty ticket with p-captcha); nothing was sent", refused.Error.Message);
        Assert.Single(h.Server.Received);

        h.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Null(h.Client.CurrentLock);
        Assert.True((await h.Client.SendAsync(Accounts, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task RateLimited429LocksEveryClientOfTheLoginOnly()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["RateLimitLockMinutes"] = "45" });
        h.Server.Answer("account/list", 429).Answer("account/list", 200, "[]");
        var sameLogin = h.Factory.For(TradovateRestHarness.Environment, TradovateRestHarness.Login, h.Tokens);
        var otherLogin = h.Factory.For(TradovateRestHarness.Environment, "login-2", h.Tokens);

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);
        var refused = await sameLogin.SendAsync(Accounts, CancellationToken.None);
        var other = await otherLogin.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.RateLimited, result.Error!.Kind);
        Assert.StartsWith("rate limited by Tradovate (HTTP 429)", result.Error.Message);
        Assert.Equal(429, result.Error.HttpStatus);
        Assert.Equal(TradovateRestHarness.Start.AddMinutes(45), sameLogin.CurrentLock!.Until);
        Assert.Equal("rate limited by Tradovate (HTTP 429)", sameLogin.CurrentLock.Reason);
        Assert.Equal(TradovateErrorKind.LoginLocked, refused.Error!.Kind);
        Assert.True(other.IsSuccess);
        Assert.Null(otherLogin.CurrentLock);
        Assert.Equal(2, h.Server.Received.Count);
    }

    [Fact]
    public async Task LockoutWarning423FailsWithoutLocking()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 423, "").Answer("account/list", 200, "[]");

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.LockoutImminent, result.Error!.Kind);
        Assert.Contains("about to be locked out (HTTP 423)", result.Error.Message);
        Assert.Null(h.Client.CurrentLock);
        Assert.True((await h.Client.SendAsync(Accounts, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public void BodyWithTicketIsTheSameObjectWithTheTicketLast()
    {
        var body = Place().Body!;

        var node = JsonNode.Parse(body.ToBytes("x"))!.AsObject();

        Assert.Equal(["accountSpec", "accountId", "clOrdId", "p-ticket"], node.Select(p => p.Key));
    }
}
