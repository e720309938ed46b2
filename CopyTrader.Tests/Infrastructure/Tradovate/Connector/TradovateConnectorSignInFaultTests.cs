using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Connector;
using CopyTrader.Tests.Contract;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>The production connector's sign-in against the fake's faults: refusals, penalty tickets, captcha, 429.</summary>
public sealed class TradovateConnectorSignInFaultTests : IAsyncLifetime
{
    private const string TokenRequest = "auth/accesstokenrequest";
    private TradovateConnectorRig _rig = null!;

    private FakeTradovateServer Server => _rig.Server;

    private string Account => ConnectorFaultHarness.Text(Server.Exchange.Account("DEMO25").Id);

    public async Task InitializeAsync() => _rig = await TradovateConnectorRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task WrongPasswordFailsTheConnectWithTradovatesErrorText()
    {
        await using var connector = _rig.CreateConnector([Account], password: "not-the-password");

        var failure = await Assert.ThrowsAsync<TradovateSignInException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Contains(FakeTradovateRest.WrongCredentialsText, failure.Message);
        AssertFailedWith(connector, failure.Message);
        Assert.Single(Server.RequestsTo(TokenRequest));
        Assert.Empty(Server.Connections);
    }

    [Fact]
    public async Task PenaltyTicketOnTheTokenRequestIsWaitedOutAndResentWithTheTicket()
    {
        Server.Faults.PenalizeNext(TokenRequest, count: 1, seconds: 1);

        await using var probe = await ConnectorProbe.ConnectAsync(_rig.CreateConnector([Account]));

        Assert.Equal(BrokerConnectionState.Connected, probe.Connector.State);
        var resend = Assert.Single(Server.Faults.PenaltyResends);
        Assert.Equal((TokenRequest, true, false, false), (resend.Endpoint, resend.BodyMatched, resend.Early, resend.Captcha));
        Assert.Equal(2, Server.RequestsTo(TokenRequest).Count);
        Assert.True(Assert.Single(Server.Connections).IsAuthorized);
    }

    [Fact]
    public async Task CaptchaPenaltyOnTheTokenRequestFailsTheConnectWithoutRetrying()
    {
        Server.Faults.PenalizeNext(TokenRequest, count: 1, seconds: 3600, captcha: true);
        await using var connector = _rig.CreateConnector([Account]);

        var failure = await Assert.ThrowsAsync<TradovateSignInException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Contains("captcha", failure.Message, StringComparison.OrdinalIgnoreCase);
        AssertFailedWith(connector, failure.Message);
        Assert.Single(Server.RequestsTo(TokenRequest));
        Assert.Empty(Server.Faults.PenaltyResends);
        Assert.Empty(Server.Connections);
    }

    [Fact]
    public async Task RateLimitedTokenRequestFailsTheConnectNamingTheStatus()
    {
        Server.Faults.RateLimitNextRestCalls(1);
        await using var connector = _rig.CreateConnector([Account]);

        var failure = await Assert.ThrowsAsync<TradovateSignInException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Contains("429", failure.Message);
        AssertFailedWith(connector, failure.Message);
        Assert.Empty(Server.Connections);
    }

    private static void AssertFailedWith(IBrokerConnector connector, string reason)
    {
        Assert.Equal(BrokerConnectionState.Failed, connector.State);
        var states = new List<ConnectionStateEvent>();
        while (connector.Events.TryRead(out var e))
        {
            if (e is ConnectionStateEvent state)
            {
                states.Add(state);
            }
        }

        Assert.Equal([BrokerConnectionState.Connecting, BrokerConnectionState.Failed], states.Select(s => s.State));
        Assert.Equal(reason, states[^1].Reason);
    }
}
