using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public sealed class TradovateAuthClientFactoryFor
{
    [Fact]
    public void UnknownEnvironmentThrowsNamingTheKnownOnes()
    {
        using var services = TradovateOptionsValidation.Services(new()
        {
            ["Tradovate:Environments:fake:RestBaseUrl"] = "http://127.0.0.1:5123/v1",
            ["Tradovate:Environments:fake:WebSocketUrl"] = "ws://127.0.0.1:5123/v1/websocket",
        });
        var factory = services.GetRequiredService<TradovateAuthClientFactory>();

        var ex = Assert.Throws<ArgumentException>(() => factory.For("staging"));

        Assert.Contains("'staging'", ex.Message);
        Assert.Contains("demo, fake, live", ex.Message);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("LIVE")]
    public void KnownEnvironmentGivesAClient(string environment)
    {
        using var services = TradovateOptionsValidation.Services([]);

        Assert.NotNull(services.GetRequiredService<TradovateAuthClientFactory>().For(environment));
    }
}
