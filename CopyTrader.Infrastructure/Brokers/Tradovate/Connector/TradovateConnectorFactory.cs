using System.Collections.Concurrent;
using System.Security.Cryptography;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using CopyTrader.Infrastructure.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// Builds Tradovate connectors from stored connections. Everything that belongs to a login (token, sign-in, REST client
/// with its rate limiter and lock, contract cache) is created once per login and shared by all its connectors.
/// </summary>
internal sealed class TradovateConnectorFactory(
    CredentialProtector protector,
    IOptions<TradovateOptions> options,
    IOptions<TradovateStreamSettings> streamSettings,
    TradovateAuthClientFactory authClients,
    TradovateTokenRegistry tokens,
    TradovateRestClientFactory restClients,
    InstrumentCatalog instruments,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, TradovateLoginParts> _logins = new(StringComparer.Ordinal);
    private readonly Lazy<ConnectGate> _gate = new(() => new ConnectGate(
        new ConnectGateOptions
        {
            MaxConcurrentAttempts = streamSettings.Value.ConnectAttemptsInFlight,
            MinSpacing = TimeSpan.FromMilliseconds(streamSettings.Value.ConnectSpacingMilliseconds),
        },
        clock));

    public IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds)
    {
        var settings = TradovateConnectionSettings.Parse(Unprotect(connection));
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Connection '{connection.Name}': {string.Join(" ", problems)}");
        }

        if (!options.Value.Environments.TryGetValue(settings.Environment, out var environment))
        {
            throw new InvalidOperationException(
                $"Connection '{connection.Name}' uses Tradovate environment '{settings.Environment}', which is not configured (Tradovate:Environments).");
        }

        var login = Login(settings);
        var parts = new TradovateConnectorParts(
            login.Key, login.SignIn, login.Rest, new TradovateOrderClient(login.Rest), new TradovateAccountReader(login.Rest), login.Contracts,
            instruments, clock, (sync, token) => Supervisor(new Uri(environment.WebSocketUrl), sync, token));
        return new TradovateConnector(parts, accountExternalIds, loggers.CreateLogger<TradovateConnector>());
    }

    private string Unprotect(ConnectionSnapshot connection)
    {
        try
        {
            return protector.Unprotect(connection.ProtectedCredentials);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"Connection '{connection.Name}': the stored credentials cannot be decrypted ({ex.Message}); the data protection keys in the data folder may have changed. Enter the credentials again on the Connections page.",
                ex);
        }
    }

    private TradovateLoginParts Login(TradovateConnectionSettings settings)
    {
        var key = $"{settings.Environment.ToLowerInvariant()}:{settings.Name.ToLowerInvariant()}";
        return _logins.AddOrUpdate(
            key,
            _ => NewLogin(key, settings),
            (_, existing) => existing.Settings == settings ? existing : NewLogin(key, settings));
    }

    private TradovateLoginParts NewLogin(string key, TradovateConnectionSettings settings)
    {
        var holder = tokens.Register(key, settings.Environment);
        var auth = authClients.For(settings.Environment);
        var signIn = new TradovateSignIn(settings.ToCredentials(), auth, holder, options.Value.RenewBeforeExpiry, clock);
        var rest = restClients.For(settings.Environment, key, new TradovateHolderTokenSource(holder, signIn.ReplaceRejectedAsync));
        return new TradovateLoginParts(key, settings, signIn, rest, new TradovateContractCatalog(rest));
    }

    private TradovateStreamSupervisor Supervisor(Uri url, TradovateSyncRequest sync, Func<CancellationToken, Task<string>> token) => new(
        url,
        sync,
        token,
        new TradovateStreamOptions { SuppressReconnectWhileMarketClosed = streamSettings.Value.SuppressReconnectWhileMarketClosed },
        _gate.Value,
        Random.Shared.NextDouble,
        clock,
        loggers);

    private sealed record TradovateLoginParts(
        string Key, TradovateConnectionSettings Settings, TradovateSignIn SignIn, TradovateRestClient Rest, TradovateContractCatalog Contracts);
}
