using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Security;
using CopyTrader.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Connections;

public class ConnectionProbeTests
{
    private static readonly TradovateConnectionSettings Login = new("demo", "trader", "hunter2-very-secret", "CopyTrader", "1.0", 1234, "sec-do-not-show", "device-1");
    private static readonly ConnectionDraft Draft = new("Apex 1", BrokerKind.Tradovate, Login);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T15:00:00Z"));
    private readonly CredentialProtector _protector = new(new EphemeralDataProtectionProvider());

    [Fact]
    public async Task ListsTheAccountsOfATransientConnectionAndDisposesItsConnector()
    {
        var connector = new ScriptedConnector(BrokerKind.Tradovate);
        var factory = new ScriptedConnectorFactory(_ => connector);

        var result = await Probe(factory).TestAsync(Draft, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([new DiscoveredAccount("1001", "Evaluation 1001"), new DiscoveredAccount("1002", "1002")], result.Accounts);
        var (connection, accounts) = Assert.Single(factory.Calls);
        Assert.Equal((0, "Apex 1", BrokerKind.Tradovate), (connection.Id, connection.Name, connection.Kind));
        Assert.Empty(accounts);
        Assert.DoesNotContain("hunter2", connection.ProtectedCredentials);
        Assert.Equal(Login, TradovateConnectionSettings.Parse(_protector.Unprotect(connection.ProtectedCredentials)));
        Assert.True(connector.Disposed);
    }

    [Fact]
    public async Task ReturnsTheExceptionTextWithItsCauseWhenConnectThrows()
    {
        var connector = new ScriptedConnector(BrokerKind.Tradovate)
        {
            OnConnect = (_, _) => throw new InvalidOperationException("Tradovate login failed.", new IOException("Connection refused (127.0.0.1:9)")),
        };

        var result = await Probe(new ScriptedConnectorFactory(_ => connector)).TestAsync(Draft, CancellationToken.None);

        Assert.Equal("Tradovate login failed. Connection refused (127.0.0.1:9)", result.Error);
        Assert.Empty(result.Accounts);
        Assert.True(connector.Disposed);
    }

    [Theory]
    [InlineData(BrokerConnectionState.Failed, "Incorrect username or password. Please try again.")]
    [InlineData(BrokerConnectionState.Reconnecting, "Too many requests: retry in 5 s")]
    public async Task ReturnsTheBrokersReasonWhenTheConnectionIsRefusedAfterConnectReturns(BrokerConnectionState state, string reason)
    {
        var connector = new ScriptedConnector(BrokerKind.Tradovate)
        {
            OnConnect = (c, _) =>
            {
                c.Report(BrokerConnectionState.Connecting, null);
                c.Report(state, reason);
                return Task.CompletedTask;
            },
        };

        var result = await Probe(new ScriptedConnectorFactory(_ => connector)).TestAsync(Draft, CancellationToken.None);

        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public async Task GivesUpAfterTwentySecondsNamingTheLastState()
    {
        var connecting = new TaskCompletionSource();
        var connector = new ScriptedConnector(BrokerKind.Tradovate)
        {
            OnConnect = (c, _) =>
            {
                c.Report(BrokerConnectionState.Connecting, null);
                connecting.SetResult();
                return new TaskCompletionSource().Task; // never answers, and ignores the token
            },
        };

        var test = Probe(new ScriptedConnectorFactory(_ => connector)).TestAsync(Draft, CancellationToken.None);
        await connecting.Task;
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(test.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var result = await test.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("No answer from Tradovate within 20 s; last state Connecting.", result.Error);
        Assert.True(connector.Disposed);
    }

    [Fact]
    public async Task ALoginWithoutAccountsIsAFailure()
    {
        var connector = new ScriptedConnector(BrokerKind.Tradovate) { Accounts = [] };

        var result = await Probe(new ScriptedConnectorFactory(_ => connector)).TestAsync(Draft, CancellationToken.None);

        Assert.Equal("Tradovate accepted the login but lists no accounts for it.", result.Error);
    }

    [Fact]
    public async Task ReturnsTheFactorysRefusal()
    {
        var factory = new ScriptedConnectorFactory(c => throw new NotSupportedException($"Connection '{c.Name}': the {c.Kind} connector is not available in this version."));

        var result = await Probe(factory).TestAsync(Draft, CancellationToken.None);

        Assert.Equal("Connection 'Apex 1': the Tradovate connector is not available in this version.", result.Error);
    }

    [Fact]
    public async Task ASimulatorLoginListsTheExchangesPaperAccounts()
    {
        var exchange = Simulators.Exchange(_clock);
        var factory = new ScriptedConnectorFactory(_ => new SimulatorConnector(exchange, [], _clock));

        var result = await Probe(factory).TestAsync(new ConnectionDraft("Paper", BrokerKind.Simulator), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["SIM-1", "SIM-2", "SIM-3", "SIM-4"], result.Accounts.Select(a => a.ExternalId));
    }

    private ConnectionProbe Probe(IBrokerConnectorFactory factory) => new(factory, _protector, _clock, NullLogger<ConnectionProbe>.Instance);
}
