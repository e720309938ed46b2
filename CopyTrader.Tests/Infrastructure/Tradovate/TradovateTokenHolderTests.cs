using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateTokenHolderTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 11, 4, 16, 0, 0, TimeSpan.Zero);

    private static readonly TradovateToken Token = new("access", "md", Expiry, 1, "joe");

    [Fact]
    public void NeedsRenewalWithoutAToken()
    {
        Assert.True(new TradovateTokenHolder().NeedsRenewal(Expiry.AddHours(-5), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void NeedsRenewalFromTheTokensOwnExpiry()
    {
        var holder = new TradovateTokenHolder();
        holder.Apply(new TradovateAuthResult.Granted(Token));

        Assert.False(holder.NeedsRenewal(Expiry.AddMinutes(-6), TimeSpan.FromMinutes(5)));
        Assert.True(holder.NeedsRenewal(Expiry.AddMinutes(-5), TimeSpan.FromMinutes(5)));
        Assert.True(holder.NeedsRenewal(Expiry.AddMinutes(1), TimeSpan.Zero));
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("penalty")]
    [InlineData("failed")]
    public void KeepsTheTokenAndRecordsTheFailureGivenNoGrant(string kind)
    {
        var holder = new TradovateTokenHolder();
        holder.Apply(new TradovateAuthResult.Granted(Token));
        TradovateAuthResult result = kind switch
        {
            "refused" => new TradovateAuthResult.Refused("Incorrect username or password."),
            "penalty" => new TradovateAuthResult.Penalty("t1", TimeSpan.FromSeconds(2), true),
            _ => new TradovateAuthResult.Failed("HTTP 500 InternalServerError: (empty body)"),
        };

        holder.Apply(result);

        Assert.Same(Token, holder.Current);
        Assert.Equal(result.Describe(), holder.LastFailure);
    }

    [Fact]
    public void ClearsTheFailureOnTheNextGrant()
    {
        var holder = new TradovateTokenHolder();
        holder.Apply(new TradovateAuthResult.Failed("HTTP 401 Unauthorized: (empty body)"));
        var renewed = Token with { ExpirationTime = Expiry.AddMinutes(80) };

        holder.Apply(new TradovateAuthResult.Granted(renewed));

        Assert.Same(renewed, holder.Current);
        Assert.Null(holder.LastFailure);
    }
}
