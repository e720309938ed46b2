using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using static CopyTrader.Tests.Infrastructure.Tradovate.Trading.TradovateRestRequests;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>The pipeline: token, renewal after 401, rate-limit slots.</summary>
public sealed class TradovateRestClientTests
{
    [Fact]
    public async Task SendsBearerTokenJsonAndQueryAndReturnsTheBody()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("position/deps", 200, """[{"id":1}]""").Answer("order/placeorder", 200, """{"orderId":9}""");

        var read = await h.Client.SendAsync(TradovateRestRequest.Get("position/deps", ("masterid", 7L)), CancellationToken.None);
        var place = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.Equal(1, read.Value[0].GetProperty("id").GetInt32());
        Assert.Equal(9, place.Value.GetProperty("orderId").GetInt32());
        var get = h.Server.To("position/deps").Single();
        Assert.Equal(("GET", "masterid=7", "Bearer token-1"), (get.Method, get.Query, get.Authorization));
        var post = h.Server.To("order/placeorder").Single();
        Assert.Equal(("POST", "Bearer token-1", "application/json"), (post.Method, post.Authorization, post.ContentType));
        Assert.Equal("""{"accountSpec":"DEMO1","accountId":7,"clOrdId":"CT-1"}""", post.Body);
    }

    [Fact]
    public async Task RenewsTheTokenOnceAndRetriesOnceGiven401()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 401, "Access is denied").Answer("order/placeorder", 200, """{"orderId":9}""");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(["token-1"], h.Tokens.RenewedFrom);
        var sent = h.Server.To("order/placeorder");
        Assert.Equal(["Bearer token-1", "Bearer token-2"], sent.Select(r => r.Authorization));
        Assert.Equal(sent[0].Body, sent[1].Body);
    }

    [Fact]
    public async Task FailsAsUnauthorizedGivenA401AfterTheRenewal()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 401, "Access is denied").Answer("account/list", 401, "Still denied");

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("HTTP 401 again after renewing", result.Error.Message);
        Assert.Contains("Still denied", result.Error.Message);
        Assert.Single(h.Tokens.RenewedFrom);
        Assert.Equal(2, h.Server.Received.Count);
    }

    [Fact]
    public async Task FailedRenewalFailsWithoutRetryAndKeepsTheGoodToken()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        var holder = new TradovateTokenHolder();
        var good = new TradovateToken("good-token", null, TradovateRestHarness.Start.AddHours(1), 1, "joe");
        holder.Apply(new TradovateAuthResult.Granted(good));
        var renewals = 0;
        var tokens = new TradovateHolderTokenSource(holder, (_, _) =>
        {
            renewals++;
            return Task.FromResult<TradovateAuthResult>(new TradovateAuthResult.Failed("HTTP 500 InternalServerError: boom"));
        });
        var client = h.Factory.For(TradovateRestHarness.Environment, "login-2", tokens);
        h.Server.Answer("account/list", 401, "");

        var result = await client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("token renewal failed: Failed: HTTP 500 InternalServerError: boom", result.Error.Message);
        Assert.Equal(1, renewals);
        Assert.Single(h.Server.Received);
        Assert.Same(good, holder.Current);
        Assert.Contains("boom", holder.LastFailure);
    }

    [Fact]
    public async Task HolderTokenSourceRenewsOnlyWhenTheRejectedTokenIsStillCurrent()
    {
        var holder = new TradovateTokenHolder();
        holder.Apply(new TradovateAuthResult.Granted(new TradovateToken("newer", null, TradovateRestHarness.Start, 1, null)));
        var renewals = 0;
        var tokens = new TradovateHolderTokenSource(holder, (_, _) =>
        {
            renewals++;
            return Task.FromResult<TradovateAuthResult>(new TradovateAuthResult.Failed("not expected"));
        });

        var result = await tokens.RenewAsync("older", CancellationToken.None);

        Assert.Equal("newer", Assert.IsType<TradovateAuthResult.Granted>(result).Token.AccessToken);
        Assert.Equal(0, renewals);
    }

    [Fact]
    public async Task NoTokenFailsWithoutSending()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Tokens.AccessToken = null;

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.NotSignedIn, result.Error!.Kind);
        Assert.Empty(h.Server.Received);
    }

    [Fact]
    public async Task WaitsForARateLimitSlotSharedByTheLogin()
    {
        await using var h = await TradovateRestHarness.StartAsync(new() { ["RequestsPerMinute"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            h.Server.Answer("account/list", 200, "[]");
        }

        var sameLogin = h.Factory.For(TradovateRestHarness.Environment, TradovateRestHarness.Login, h.Tokens);
        Assert.True((await h.Client.SendAsync(Accounts, CancellationToken.None)).IsSuccess);
        Assert.True((await sameLogin.SendAsync(Accounts, CancellationToken.None)).IsSuccess);
        var third = h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.Equal(1, h.Client.WaitingForRateLimit);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await third.WaitAsync(TimeSpan.FromSeconds(5))).IsSuccess);
        Assert.Equal(TradovateRestHarness.Start.AddMinutes(1), h.Server.Received[2].At);
    }
}
