using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>Reads through the production connector when REST fails: they throw with Tradovate's words, never an empty list.</summary>
public sealed class TradovateConnectorReadFaultTests
{
    private const string Positions = "position/deps";

    [Fact]
    public async Task PositionsThrowWhenRateLimitedAndWhileTheLoginIsLocked()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        await h.MarketAsync(Side.Buy, 1, "ct-open");
        h.Faults.RateLimitNextRestCalls(1);

        var limited = await Assert.ThrowsAsync<TradovateRestException>(() => h.Connector.GetPositionsAsync(h.AccountId, CancellationToken.None));
        var locked = await Assert.ThrowsAsync<TradovateRestException>(() => h.Connector.GetPositionsAsync(h.AccountId, CancellationToken.None));

        Assert.Equal((TradovateErrorKind.RateLimited, 429), (limited.Error.Kind, limited.Error.HttpStatus));
        Assert.Equal(TradovateErrorKind.LoginLocked, locked.Error.Kind);
        Assert.Contains("nothing was sent", locked.Message);
        Assert.Single(h.Server.RequestsTo(Positions));
    }

    [Fact]
    public async Task PositionsThrowWhenTheAnswerDoesNotComeWithinTheTimeout()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(new() { ["Tradovate:RequestTimeoutSeconds"] = "3" });
        await h.MarketAsync(Side.Buy, 1, "ct-open");
        h.Faults.StallRest(Positions);

        var failure = await Assert.ThrowsAsync<TradovateRestException>(() => h.Connector.GetPositionsAsync(h.AccountId, CancellationToken.None));
        h.Faults.ReleaseRest();

        Assert.Equal(TradovateErrorKind.Timeout, failure.Error.Kind);
        Assert.Contains("no answer within 3 s", failure.Message);
        Assert.Equal(1, Assert.Single(await h.Connector.GetPositionsAsync(h.AccountId, CancellationToken.None)).Quantity);
    }

    [Fact]
    public async Task PositionsAfterAnExpiredTokenComeFromTheReplacedToken()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        await h.MarketAsync(Side.Sell, 2, "ct-short");
        h.Server.Rest.ExpireAllTokens();

        var positions = await h.Connector.GetPositionsAsync(h.AccountId, CancellationToken.None);

        var position = Assert.Single(positions);
        Assert.Equal((ConnectorFaultHarness.Symbol, -2), (position.Symbol, position.Quantity));
        Assert.Equal(2, h.Server.RequestsTo(Positions).Count);
    }
}
