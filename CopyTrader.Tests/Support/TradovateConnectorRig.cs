using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Infrastructure.Brokers.Tradovate.Connector;
using CopyTrader.Infrastructure.Security;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Support;

/// <summary>
/// The production Tradovate connector factory, registered as the app registers it, pointed at a fake Tradovate exchange on
/// loopback through a custom environment named <see cref="Environment"/>.
/// </summary>
public sealed class TradovateConnectorRig : IAsyncDisposable
{
    public const string Environment = "fake";

    private readonly ServiceProvider _services;

    private TradovateConnectorRig(FakeTradovateServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public FakeTradovateServer Server { get; }

    public InstrumentCatalog Instruments => _services.GetRequiredService<InstrumentCatalog>();

    /// <summary>A service as the app registers it (token registry, refresh job's parts, ...).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The protector the rig's connector factory reads credentials with.</summary>
    public CredentialProtector Protector => _services.GetRequiredService<CredentialProtector>();

    /// <summary>The app's broker connector factory with the rig's Tradovate factory (and a simulator beside it).</summary>
    public IBrokerConnectorFactory Connectors => new BrokerConnectorFactory(
        Simulators.Exchange(), _services.GetRequiredService<TradovateConnectorFactory>(), TimeProvider.System);

    /// <param name="clock">One clock for the fake and the app's side (a FakeTimeProvider: nothing times out until the test advances it).</param>
    public static async Task<TradovateConnectorRig> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var server = await FakeTradovateServer.StartAsync(FakeTradovateOptions.ForExchange(clock));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(server)).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddSingleton(clock)
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(InstrumentCatalog.Default)
            .AddSingleton(new CredentialProtector(new EphemeralDataProtectionProvider()));
        services.AddTradovate();
        return new TradovateConnectorRig(server, services.BuildServiceProvider());
    }

    /// <summary>The configuration that points the app at <paramref name="server"/>, as a user would write it.</summary>
    public static Dictionary<string, string?> Settings(FakeTradovateServer server) => new()
    {
        [$"Tradovate:Environments:{Environment}:RestBaseUrl"] = server.RestBaseUrl.ToString(),
        [$"Tradovate:Environments:{Environment}:WebSocketUrl"] = server.WebSocketUrl.ToString(),
        ["Tradovate:ConnectSpacingMilliseconds"] = "0",
        ["Tradovate:SuppressReconnectWhileMarketClosed"] = "false",
    };

    /// <summary>The fake's default login as a user would enter it on the connections page.</summary>
    public static TradovateConnectionSettings Login(FakeTradovateServer server, string? password = null) => new(
        Environment, server.Rest.Options.Name, password ?? server.Rest.Options.Password, "CopyTrader", "1.0", server.Rest.Options.Cid, server.Rest.Options.Sec);

    public IBrokerConnector CreateConnector(IReadOnlyCollection<string> accountIds, string? password = null)
    {
        var protector = _services.GetRequiredService<CredentialProtector>();
        var connection = new ConnectionSnapshot(1, "Tradovate (fake)", BrokerKind.Tradovate, protector.Protect(Login(Server, password).ToJson()));
        return _services.GetRequiredService<TradovateConnectorFactory>().Create(connection, accountIds);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
