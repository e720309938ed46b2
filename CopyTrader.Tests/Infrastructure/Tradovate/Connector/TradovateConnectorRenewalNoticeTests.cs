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
    private TradovateConnectorRig _rig = null!;
    private ConnectorProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _rig = await TradovateConnectorRig.StartAsync(clock: _clock);
        _probe = await ConnectorProbe.ConnectAsync(_rig.CreateConnector(["25"]));
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task AFailedRenewalIsShownAndKeepsTheTokenUntilARenewalSucceeds()
    {
        var login = Assert.Single(_rig.Get<TradovateTokenRegistry>().Logins);
        var token = login.Holder.Current!;
        _clock.Advance(TimeSpan.FromMinutes(75));
        _rig.Server.Rest.RateLimited = true;

        await RefreshTokensAsync();

        var notice = await _probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is not null, "the renewal failure notice");
        Assert.Contains("Renewing the Tradovate token failed", notice.Notice);
        Assert.Contains("429", notice.Notice);
        Assert.Equal(token, login.Holder.Current);

        _rig.Server.Rest.RateLimited = false;
        await RefreshTokensAsync();

        await _probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is null, "the notice to clear after a good renewal");
        Assert.True(login.Holder.Current!.ExpirationTime > token.ExpirationTime);
    }

    private Task RefreshTokensAsync() => new TokenRefreshJob(
            _rig.Get<TradovateTokenRegistry>(),
            _rig.Get<TradovateAuthClientFactory>(),
            _rig.Get<IOptions<TradovateOptions>>(),
            _clock,
            NullLogger<TokenRefreshJob>.Instance)
        .Execute(null!, CancellationToken.None).AsTask();
}
