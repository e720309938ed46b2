using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Tests.Contract;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>A failed token renewal keeps the good token and is shown on the connection until a renewal succeeds.</summary>
public sealed class TradovateConnectorRenewalNoticeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T15:00:00Z"));
    private ConnectorFaultHarness _desk = null!;

    private TradovateConnectorRig Rig => _desk.Rig;

    private ConnectorProbe Probe => _desk.Probe;

    public async Task InitializeAsync() => _desk = await ConnectorFaultHarness.ConnectAsync(clock: _clock);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AFailedRenewalIsShownAndKeepsTheTokenUntilARenewalSucceeds()
    {
        var login = Assert.Single(Rig.Get<TradovateTokenRegistry>().Logins);
        var token = login.Holder.Current!;
        _clock.Advance(TimeSpan.FromMinutes(75));
        Rig.Server.Rest.RateLimited = true;

        await RefreshTokensAsync();

        var notice = await Probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is not null, "the renewal failure notice");
        Assert.Contains("Renewing the Tradovate token failed", notice.Notice);
        Assert.Contains("429", notice.Notice);
        Assert.Equal(token, login.Holder.Current);

        Rig.Server.Rest.RateLimited = false;
        await RefreshTokensAsync();

        await Probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is null, "the notice to clear after a good renewal");
        Assert.True(login.Holder.Current!.ExpirationTime > token.ExpirationTime);
    }

    private Task RefreshTokensAsync() => new TokenRefreshJob(
            Rig.Get<TradovateTokenRegistry>(),
            Rig.Get<TradovateAuthClientFactory>(),
            Rig.Get<IOptions<TradovateOptions>>(),
            _clock,
            NullLogger<TokenRefreshJob>.Instance)
        .Execute(null!, CancellationToken.None).AsTask();
}
