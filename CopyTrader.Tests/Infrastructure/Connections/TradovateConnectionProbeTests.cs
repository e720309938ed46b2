using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Infrastructure.Connections;

/// <summary>"Test" on the connections page with a Tradovate login, through the production connector, against the fake.</summary>
public sealed class TradovateConnectionProbeTests : IAsyncLifetime
{
    private TradovateConnectorRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await TradovateConnectorRig.StartAsync();
        _rig.Server.Exchange.AddAccount("APEX-1001");
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task ListsEveryAccountOfTheLogin()
    {
        var result = await Probe().TestAsync(new ConnectionDraft("Apex", BrokerKind.Tradovate, TradovateConnectorRig.Login(_rig.Server)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["APEX-1001", "DEMO25"], result.Accounts.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Contains(result.Accounts, a => a.Name == "DEMO25" && a.ExternalId == "25");
    }

    [Fact]
    public async Task ShowsTradovatesWordsForAWrongPassword()
    {
        var draft = new ConnectionDraft("Apex", BrokerKind.Tradovate, TradovateConnectorRig.Login(_rig.Server, password: "wrong"));

        var result = await Probe().TestAsync(draft, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(FakeTradovateRest.WrongCredentialsText, result.Error);
        Assert.Empty(_rig.Server.RequestsTo("account/list"));
    }

    [Fact]
    public void SaysSoWhenStoredCredentialsCannotBeDecrypted()
    {
        var connection = new CopyTrader.Domain.Copying.ConnectionSnapshot(7, "Apex", BrokerKind.Tradovate, "written-with-other-keys");

        var refusal = Assert.Throws<InvalidOperationException>(() => _rig.Connectors.Create(connection, ["25"]));

        Assert.StartsWith("Connection 'Apex': the stored credentials cannot be decrypted", refusal.Message);
        Assert.Contains("Enter the credentials again on the Connections page.", refusal.Message);
    }

    private ConnectionProbe Probe() => new(_rig.Connectors, _rig.Protector, TimeProvider.System, NullLogger<ConnectionProbe>.Instance);
}
