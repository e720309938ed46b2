using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public sealed class TokenRefreshJobTests
{
    [Fact]
    public async Task RenewsATokenNearExpiry()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var services = ServicesFor(h);
        var holder = services.GetRequiredService<TradovateTokenRegistry>().Register("joe", "fake");
        holder.Apply(new TradovateAuthResult.Granted(await h.GrantAsync()));
        h.Clock.Advance(TimeSpan.FromMinutes(71)); // 9 minutes left of 80, inside the 10-minute margin

        await Job(services).Execute(null!, CancellationToken.None);

        Assert.Equal(TradovateAuthHarness.Start + TimeSpan.FromMinutes(71 + 80), holder.Current!.ExpirationTime);
        Assert.Single(h.Rest.RenewBearers);
        Assert.Null(holder.LastFailure);
    }

    [Fact]
    public async Task LeavesAFreshTokenAlone()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var services = ServicesFor(h);
        var holder = services.GetRequiredService<TradovateTokenRegistry>().Register("joe", "fake");
        var token = await h.GrantAsync();
        holder.Apply(new TradovateAuthResult.Granted(token));
        h.Clock.Advance(TimeSpan.FromMinutes(69)); // 11 minutes left

        await Job(services).Execute(null!, CancellationToken.None);

        Assert.Same(token, holder.Current);
        Assert.Empty(h.Rest.RenewBearers);
    }

    [Fact]
    public async Task SkipsALoginWithoutAToken()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var services = ServicesFor(h);
        var holder = services.GetRequiredService<TradovateTokenRegistry>().Register("joe", "fake");

        await Job(services).Execute(null!, CancellationToken.None);

        Assert.Null(holder.Current);
        Assert.Null(holder.LastFailure);
        Assert.Empty(h.Rest.RenewBearers);
    }

    [Fact]
    public async Task KeepsTheOldTokenAndRecordsTheFailureOn401()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var services = ServicesFor(h);
        var holder = services.GetRequiredService<TradovateTokenRegistry>().Register("joe", "fake");
        var token = await h.GrantAsync();
        holder.Apply(new TradovateAuthResult.Granted(token));
        h.Clock.Advance(TimeSpan.FromMinutes(81)); // expired: the fake answers 401

        await Job(services).Execute(null!, CancellationToken.None);

        Assert.Same(token, holder.Current);
        Assert.Contains("HTTP 401", holder.LastFailure);
    }

    [Fact]
    public async Task AllAccountsOfOneLoginShareOneHolderAndOneRenewal()
    {
        await using var h = await TradovateAuthHarness.StartAsync();
        using var services = ServicesFor(h);
        var registry = services.GetRequiredService<TradovateTokenRegistry>();
        var holder = registry.Register("joe", "fake");
        Assert.Same(holder, registry.Register("joe", "fake"));
        holder.Apply(new TradovateAuthResult.Granted(await h.GrantAsync()));
        h.Clock.Advance(TimeSpan.FromMinutes(75));

        await Job(services).Execute(null!, CancellationToken.None);

        Assert.Single(h.Rest.RenewBearers);
        Assert.Throws<InvalidOperationException>(() => registry.Register("joe", "demo"));
    }

    private static ServiceProvider ServicesFor(TradovateAuthHarness h) =>
        TradovateOptionsValidation.Services(
            new()
            {
                ["Tradovate:Environments:fake:RestBaseUrl"] = h.Server.RestBaseUrl.AbsoluteUri,
                ["Tradovate:Environments:fake:WebSocketUrl"] = h.Server.WebSocketUrl.AbsoluteUri,
            },
            h.Clock);

    private static TokenRefreshJob Job(ServiceProvider services) => new(
        services.GetRequiredService<TradovateTokenRegistry>(),
        services.GetRequiredService<TradovateAuthClientFactory>(),
        services.GetRequiredService<IOptions<TradovateOptions>>(),
        services.GetRequiredService<TimeProvider>(),
        NullLogger<TokenRefreshJob>.Instance);
}
