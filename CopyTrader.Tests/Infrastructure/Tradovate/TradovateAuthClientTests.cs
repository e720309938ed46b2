using System.Text.Json;
using System.Text.Json.Nodes;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateAuthClientTests
{
    [Fact]
    public async Task GrantsTokenWithTheServersExpirationTime()
    {
        await using var h = await TradovateAuthHarness.StartAsync(o => o with { TokenLifetime = TimeSpan.FromMinutes(37) });

        var token = await h.GrantAsync();

        Assert.Equal(TradovateAuthHarness.Start + TimeSpan.FromMinutes(37), token.ExpirationTime);
        Assert.Equal(TimeSpan.Zero, token.ExpirationTime.Offset);
        Assert.Equal(h.Rest.ExpirationOf(token.AccessToken), token.ExpirationTime);
        Assert.Equal("md-" + token.AccessToken, token.MdAccessToken);
        Assert.Equal(h.Rest.Options.UserId, token.UserId);
        Assert.Equal(h.Rest.Options.Name, token.Name);
        var body = JsonNode.Parse(Assert.Single(h.Rest.TokenRequestBodies))!.AsObject();
        Assert.Equal(["name", "password", "appId", "appVersion", "cid", "sec", "deviceId"], body.Select(p => p.Key));
        Assert.Equal(JsonValueKind.Number, body["cid"]!.GetValueKind());
        Assert.Empty(h.Rest.Violations);
    }

    [Fact]
    public async Task RefusesWithTheServersTextGivenWrongPassword()
    {
        await using var h = await TradovateAuthHarness.StartAsync();

        var result = await h.Client.RequestTokenAsync(h.Credentials with { Password = "case-sensitive-1" }, CancellationToken.None);

        var refused = Assert.IsType<TradovateAuthResult.Refused>(result);
        Assert.Equal(FakeTradovateRest.WrongCredentialsText, refused.ErrorText);
    }

    [Fact]
    public async Task ReturnsPenaltyWithWaitAndCaptchaGivenPTicket()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        h.Rest.Penalty = new FakeTradovatePenalty("t1", Seconds: 2, Captcha: true);

        var result = await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None);

        Assert.Equal(new TradovateAuthResult.Penalty("t1", TimeSpan.FromSeconds(2), Captcha: true), result);
    }

    [Fact]
    public async Task RetryWithTicketSendsTheIdenticalBodyPlusTheTicketAndIsGranted()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        h.Rest.Penalty = new FakeTradovatePenalty("t1", Seconds: 2);

        var penalty = Assert.IsType<TradovateAuthResult.Penalty>(await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None));
        Assert.False(penalty.Captcha);
        Assert.Equal(TimeSpan.FromSeconds(2), penalty.Wait);
        var again = await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None);
        Assert.IsType<TradovateAuthResult.Penalty>(again); // without the ticket the penalty stands
        var retried = await h.Client.RetryWithTicketAsync(h.Credentials, penalty.Ticket, CancellationToken.None);

        Assert.IsType<TradovateAuthResult.Granted>(retried);
        var bodies = h.Rest.TokenRequestBodies;
        Assert.Equal(3, bodies.Count);
        var retry = JsonNode.Parse(bodies[2])!.AsObject();
        Assert.Equal("t1", (string?)retry["p-ticket"]);
        retry.Remove("p-ticket");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bodies[0]), retry));
        Assert.Equal(bodies[0].TrimEnd('}'), bodies[2][..bodies[0].TrimEnd('}').Length]);
    }

    [Fact]
    public async Task RenewExtendsTheExpiry()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        var token = await h.GrantAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(70));

        var result = await h.Client.RenewTokenAsync(token.AccessToken, CancellationToken.None);

        var renewed = Assert.IsType<TradovateAuthResult.Granted>(result).Token;
        Assert.Equal(TradovateAuthHarness.Start + TimeSpan.FromMinutes(70 + 80), renewed.ExpirationTime);
        Assert.True(renewed.ExpirationTime > token.ExpirationTime);
        Assert.Equal(token.AccessToken, Assert.Single(h.Rest.RenewBearers));
    }

    [Fact]
    public async Task HolderAdoptsTheRenewedTokenWhenTheServerIssuesANewOne()
    {
        await using var h = await TradovateAuthHarness.StartAsync(o => o with { RenewIssuesNewToken = true });
        var holder = new TradovateTokenHolder();
        var token = await h.GrantAsync();

        holder.Apply(await h.Client.RenewTokenAsync(token.AccessToken, CancellationToken.None));

        Assert.NotNull(holder.Current);
        Assert.NotEqual(token.AccessToken, holder.Current.AccessToken);
        Assert.Null(holder.LastFailure);
    }

    [Fact]
    public async Task RenewOfAnExpiredTokenFailsAndTheHolderKeepsTheGoodToken()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        var holder = new TradovateTokenHolder();
        holder.Apply(await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None));
        var good = holder.Current!;
        h.Clock.Advance(TimeSpan.FromMinutes(81));

        var result = await h.Client.RenewTokenAsync(good.AccessToken, CancellationToken.None);
        holder.Apply(result);

        var failed = Assert.IsType<TradovateAuthResult.Failed>(result);
        Assert.Contains("401", failed.Reason);
        Assert.Same(good, holder.Current);
        Assert.Contains("401", holder.LastFailure);
    }

    [Fact]
    public async Task RenewOfAnUnknownTokenFails()
    {
        await using var h = await TradovateAuthHarness.StartAsync();

        var result = await h.Client.RenewTokenAsync("never-issued", CancellationToken.None);

        Assert.Contains("HTTP 401", Assert.IsType<TradovateAuthResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task FailsWithTheStatusGivenRateLimit()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        h.Rest.RateLimited = true;

        var request = await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None);
        var renew = await h.Client.RenewTokenAsync("any", CancellationToken.None);

        Assert.Equal("HTTP 429 TooManyRequests: (empty body)", Assert.IsType<TradovateAuthResult.Failed>(request).Reason);
        Assert.Equal("HTTP 429 TooManyRequests: (empty body)", Assert.IsType<TradovateAuthResult.Failed>(renew).Reason);
    }

    [Fact]
    public async Task FailsGivenMalformedJson()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        h.Rest.MalformedJson = true;

        var result = await h.Client.RequestTokenAsync(h.Credentials, CancellationToken.None);

        var failed = Assert.IsType<TradovateAuthResult.Failed>(result);
        Assert.StartsWith("HTTP 200 with malformed JSON", failed.Reason);
    }

    [Fact]
    public async Task FailsGivenNoServer()
    {
        var h = await TradovateAuthHarness.StartAsync();
        var baseUrl = h.Server.RestBaseUrl;
        await h.DisposeAsync();
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var client = new TradovateAuthClient(http, NullLogger<TradovateAuthClient>.Instance);

        var result = await client.RenewTokenAsync("any", CancellationToken.None);

        Assert.StartsWith("Network error", Assert.IsType<TradovateAuthResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task CancellationIsNotAFailure()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.RequestTokenAsync(h.Credentials, cts.Token));
    }

    [Fact]
    public async Task ResultsAndCredentialsNeverShowSecrets()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        var credentials = h.Credentials;
        var token = await h.GrantAsync();

        var texts = new[] { credentials.ToString(), token.ToString(), new TradovateAuthResult.Granted(token).ToString(), new TradovateAuthResult.Granted(token).Describe() };

        foreach (var text in texts)
        {
            Assert.DoesNotContain(credentials.Password, text);
            Assert.DoesNotContain(credentials.Sec, text);
            Assert.DoesNotContain(token.AccessToken, text);
        }

        Assert.Contains(credentials.Name, credentials.ToString());
    }
}
