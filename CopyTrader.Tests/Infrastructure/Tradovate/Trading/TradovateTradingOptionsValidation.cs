using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

public sealed class TradovateTradingOptionsValidation
{
    [Fact]
    public void DefaultsFollowTheDocumentedLimits()
    {
        var options = Resolve([]);

        Assert.Equal(
            (80, 5000, 3, 60, 60, 60, 10),
            (options.RequestsPerMinute, options.RequestsPerHour, options.PenaltyRetryLimit, options.PenaltyMaxWaitSeconds,
                options.RateLimitLockMinutes, options.CaptchaLockMinutes, options.RequestTimeoutSeconds));
    }

    [Fact]
    public void BindsFromTheTradovateSectionBesideTheEnvironments()
    {
        var options = Resolve(new()
        {
            ["Tradovate:RequestsPerMinute"] = "40",
            ["Tradovate:RequestsPerHour"] = "2000",
            ["Tradovate:PenaltyRetryLimit"] = "0",
            ["Tradovate:RateLimitLockMinutes"] = "90",
            ["Tradovate:RequestTimeoutSeconds"] = "20",
        });

        Assert.Equal((40, 2000, 0, 90), (options.RequestsPerMinute, options.RequestsPerHour, options.PenaltyRetryLimit, options.RateLimitLockMinutes));
        Assert.Equal(TimeSpan.FromSeconds(20), options.RequestTimeout);
    }

    [Theory]
    [InlineData("RequestsPerMinute", "0", "Tradovate:RequestsPerMinute must be between 1 and 100000, not 0 (0 would block every request).")]
    [InlineData("RequestsPerHour", "0", "Tradovate:RequestsPerHour must be between 1 and 1000000, not 0 (0 would block every request).")]
    [InlineData("RateLimitLockMinutes", "0", "Tradovate:RateLimitLockMinutes must be between 1 and 1440, not 0 (Tradovate keeps a 429 lockout for a rolling hour).")]
    [InlineData("CaptchaLockMinutes", "0", "Tradovate:CaptchaLockMinutes must be between 1 and 1440, not 0 (a captcha penalty cannot be cleared by the app).")]
    [InlineData("RequestTimeoutSeconds", "0", "Tradovate:RequestTimeoutSeconds must be between 1 and 300, not 0 (0 would time out every request).")]
    [InlineData("PenaltyMaxWaitSeconds", "0", "Tradovate:PenaltyMaxWaitSeconds must be between 1 and 3600, not 0 (0 would fail every penalty ticket).")]
    [InlineData("PenaltyRetryLimit", "11", "Tradovate:PenaltyRetryLimit must be between 0 and 10, not 11.")]
    [InlineData("RequestsPerMinute", "-5", "Tradovate:RequestsPerMinute must be between 1 and 100000, not -5.")]
    public void OutOfRangeFailsWithAMessageNamingTheKey(string key, string value, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"Tradovate:{key}"] = value }));

        Assert.Contains(message, Assert.Single(ex.Failures));
    }

    [Fact]
    public void AddTradovateRegistersTheRestClientFactory()
    {
        using var services = TradovateOptionsValidation.Services([]);

        Assert.NotNull(services.GetRequiredService<TradovateRestClientFactory>());
        Assert.Same(services.GetRequiredService<TradovateRestClientFactory>(), services.GetRequiredService<TradovateRestClientFactory>());
    }

    [Fact]
    public void FactoryRefusesAnUnknownEnvironmentNamingTheKnownOnes()
    {
        using var services = TradovateOptionsValidation.Services([]);
        var factory = services.GetRequiredService<TradovateRestClientFactory>();

        var ex = Assert.Throws<ArgumentException>(() => factory.For("staging", "login", new ScriptedTokens()));

        Assert.Contains("Unknown Tradovate environment 'staging'; known: demo, live.", ex.Message);
    }

    private static TradovateTradingOptions Resolve(Dictionary<string, string?> settings) =>
        TradovateOptionsValidation.Services(settings).GetRequiredService<IOptions<TradovateTradingOptions>>().Value;
}
