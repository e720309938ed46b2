using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using static CopyTrader.Tests.Infrastructure.Tradovate.Trading.TradovateRestRequests;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>Each error shape of protocol file 1.3 becomes its own explicit failure.</summary>
public sealed class TradovateRestClientErrorTests
{
    [Theory]
    [InlineData("""{"errorText":"Access is denied","ok":false}""", "Access is denied")]
    [InlineData("""{"ok":false}""", "ok:false without errorText: {\"ok\":false}")]
    public async Task ErrorTextIsAnErrorInTheBrokersWords(string body, string message)
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 200, body);

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.ErrorText, result.Error!.Kind);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal(200, result.Error.HttpStatus);
    }

    [Fact]
    public async Task FailureReasonIsARejectionWithReasonAndText()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"failureReason":"MaxPosLimitReached","failureText":"Max position 5 reached"}""");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal("MaxPosLimitReached", result.Error.FailureReason);
        Assert.Equal("Max position 5 reached", result.Error.FailureText);
        Assert.Equal("rejected: MaxPosLimitReached: Max position 5 reached", result.Error.Message);
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task FailureReasonSuccessIsNotARejection()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200, """{"failureReason":"Success","orderId":5}""");

        Assert.True((await h.Client.SendAsync(Place(), CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task ViolationsCarryEveryDescription()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("order/placeorder", 200,
            """{"violations":[{"constraint":"required","value":"","description":"accountId is required"},{"constraint":"min","value":"0","description":"orderQty must be positive"},{"constraint":"only-constraint"}]}""");

        var result = await h.Client.SendAsync(Place(), CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Violations, result.Error!.Kind);
        Assert.Equal(["accountId is required", "orderQty must be positive", "only-constraint"], result.Error.Violations);
        Assert.Equal("violations: accountId is required; orderQty must be positive; only-constraint", result.Error.Message);
    }

    [Fact]
    public async Task NotFoundNamesThePath()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/find", 404, "");

        var result = await h.Client.SendAsync(TradovateRestRequest.Get("contract/find", ("name", "ESZ9")), CancellationToken.None);

        Assert.Equal(TradovateErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("not found (HTTP 404): contract/find?name=ESZ9", result.Error.Message);
    }

    [Theory]
    [InlineData(500, "internal timeout", "HTTP 500 InternalServerError: internal timeout")]
    [InlineData(400, "", "HTTP 400 BadRequest: (empty body)")]
    [InlineData(503, "", "HTTP 503 ServiceUnavailable: (empty body)")]
    public async Task OtherStatusCarriesStatusAndBodyExcerpt(int status, string body, string message)
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", status, body);

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.HttpStatus, result.Error!.Kind);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal(status, result.Error.HttpStatus);
    }

    [Fact]
    public async Task LongBodyIsExcerpted()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 502, new string('x', 1000));

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal("HTTP 502 BadGateway: " + new string('x', 300) + "...", result.Error!.Message);
    }

    [Theory]
    [InlineData("{\"orderId\":", "malformed JSON")]
    [InlineData("", "empty body")]
    public async Task MalformedJsonIsAClearErrorWithAnExcerpt(string body, string expected)
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("account/list", 200, body);

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Malformed, result.Error!.Kind);
        Assert.Contains(expected, result.Error.Message);
        Assert.Contains(body, result.Error.Message);
    }

    [Fact]
    public async Task TimeoutIsDistinguishableAndUsesThePerCallTimeout()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Hang("account/list");

        var sending = h.Client.SendAsync(Accounts with { Timeout = TimeSpan.FromSeconds(3) }, CancellationToken.None);
        await h.Server.WaitForRequestsAsync(1);
        await h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        h.Clock.Advance(TimeSpan.FromSeconds(3));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TradovateErrorKind.Timeout, result.Error!.Kind);
        Assert.True(result.Error.OutcomeUnknown);
        Assert.Contains("no answer within 3 s", result.Error.Message);
    }

    [Fact]
    public async Task TransportErrorIsDistinguishable()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        await h.Server.DisposeAsync(); // nothing listens on the port any more

        var result = await h.Client.SendAsync(Accounts, CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Transport, result.Error!.Kind);
        Assert.True(result.Error.OutcomeUnknown);
        Assert.StartsWith("network error:", result.Error.Message);
    }

    [Fact]
    public void ErrorsSurfaceAsExceptionsWhenAsked()
    {
        var result = TradovateResult<int>.Fail(new TradovateError(TradovateErrorKind.NotFound, "contract/item?id=1", "not found (HTTP 404): contract/item?id=1"));

        var ex = Assert.Throws<TradovateRestException>(() => result.GetValueOrThrow());
        Assert.Equal(TradovateErrorKind.NotFound, ex.Error.Kind);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }
}
