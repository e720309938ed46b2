using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Auth;

/// <summary>Creates a <see cref="TradovateAuthClient"/> pointed at one configured environment's REST base.</summary>
public sealed class TradovateAuthClientFactory(
    IHttpClientFactory httpClients,
    IOptions<TradovateOptions> options,
    ILogger<TradovateAuthClient> logger)
{
    /// <exception cref="ArgumentException">The environment is not configured; the message names the known ones.</exception>
    public TradovateAuthClient For(string environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        var environments = options.Value.Environments;
        if (!environments.TryGetValue(environment, out var endpoints))
        {
            var known = string.Join(", ", environments.Keys.Order(StringComparer.OrdinalIgnoreCase));
            throw new ArgumentException($"Unknown Tradovate environment '{environment}'; known: {known}.", nameof(environment));
        }

        var http = httpClients.CreateClient(nameof(TradovateAuthClient));
        http.BaseAddress = new Uri(endpoints.RestBaseUrl, UriKind.Absolute);
        return new TradovateAuthClient(http, logger);
    }
}
