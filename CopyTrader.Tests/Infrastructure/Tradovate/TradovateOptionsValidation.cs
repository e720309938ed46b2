using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public sealed class TradovateOptionsValidation
{
    [Fact]
    public void DefaultsAreValidWithLiveAndDemo()
    {
        var options = Resolve([]);

        Assert.Equal("https://live.tradovateapi.com/v1", options.Environments["live"].RestBaseUrl);
        Assert.Equal("wss://live.tradovateapi.com/v1/websocket", options.Environments["live"].WebSocketUrl);
        Assert.Equal("https://demo.tradovateapi.com/v1", options.Environments["demo"].RestBaseUrl);
        Assert.Equal("wss://demo.tradovateapi.com/v1/websocket", options.Environments["demo"].WebSocketUrl);
        Assert.Equal(10, options.RenewBeforeExpiryMinutes);
        Assert.Equal(60, options.TokenCheckSeconds);
    }

    [Fact]
    public void CustomEnvironmentIsBoundBesideTheDefaults()
    {
        var options = Resolve(new()
        {
            ["Tradovate:Environments:fake:RestBaseUrl"] = "http://127.0.0.1:5123/v1",
            ["Tradovate:Environments:fake:WebSocketUrl"] = "ws://127.0.0.1:5123/v1/websocket",
            ["Tradovate:RenewBeforeExpiryMinutes"] = "15",
        });

        Assert.Equal("http://127.0.0.1:5123/v1", options.Environments["fake"].RestBaseUrl);
        Assert.Equal("ws://127.0.0.1:5123/v1/websocket", options.Environments["FAKE"].WebSocketUrl);
        Assert.Equal(["demo", "fake", "live"], options.Environments.Keys.Order());
        Assert.Equal(TimeSpan.FromMinutes(15), options.RenewBeforeExpiry);
    }

    [Fact]
    public void OverridingOneUrlKeepsTheOtherDefault()
    {
        var options = Resolve(new() { ["Tradovate:Environments:demo:RestBaseUrl"] = "https://proxy.example/v1" });

        Assert.Equal("https://proxy.example/v1", options.Environments["demo"].RestBaseUrl);
        Assert.Equal("wss://demo.tradovateapi.com/v1/websocket", options.Environments["demo"].WebSocketUrl);
    }

    [Theory]
    [InlineData("RestBaseUrl", "not a url")]
    [InlineData("RestBaseUrl", "wss://x.example/v1")]
    [InlineData("RestBaseUrl", "/v1")]
    [InlineData("WebSocketUrl", "https://x.example/v1/websocket")]
    [InlineData("WebSocketUrl", "")]
    public void BadUrlFailsNamingTheEnvironment(string field, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Tradovate:Environments:staging:RestBaseUrl"] = "https://staging.example/v1",
            ["Tradovate:Environments:staging:WebSocketUrl"] = "wss://staging.example/v1/websocket",
            [$"Tradovate:Environments:staging:{field}"] = value,
        }));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains($"Tradovate:Environments:staging:{field}", failure);
    }

    [Theory]
    [InlineData("RenewBeforeExpiryMinutes", "0")]
    [InlineData("RenewBeforeExpiryMinutes", "61")]
    [InlineData("TokenCheckSeconds", "0")]
    public void OutOfRangeTimingFails(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"Tradovate:{key}"] = value }));

        Assert.Contains(key, Assert.Single(ex.Failures));
    }

    internal static TradovateOptions Resolve(Dictionary<string, string?> settings) =>
        Services(settings).GetRequiredService<IOptions<TradovateOptions>>().Value;

    internal static ServiceProvider Services(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(time ?? TimeProvider.System)
            .AddLogging();
        services.AddTradovate();
        return services.BuildServiceProvider();
    }
}
