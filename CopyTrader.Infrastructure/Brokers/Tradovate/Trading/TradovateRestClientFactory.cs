using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// Creates the <see cref="TradovateRestClient"/> of a login in a configured environment. Clients of the same login
/// (same environment and login key) share one rate limiter and one lock, also across reconnects.
/// </summary>
public sealed class TradovateRestClientFactory(
    IHttpClientFactory httpClients,
    IOptions<TradovateOptions> environments,
    IOptions<TradovateTradingOptions> trading,
    TimeProvider time,
    ILoggerFactory loggers) : IDisposable
{
    public const string HttpClientName = "TradovateRest";

    private readonly ConcurrentDictionary<string, Lazy<TradovateLoginGate>> _gates = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The environment is not configured; the message names the known ones.</exception>
    public TradovateRestClient For(string environment, string loginKey, ITradovateTokenSource tokenSource)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        ArgumentException.ThrowIfNullOrEmpty(loginKey);
        ArgumentNullException.ThrowIfNull(tokenSource);
        var configured = environments.Value.Environments;
        if (!configured.TryGetValue(environment, out var endpoints))
        {
            var known = string.Join(", ", configured.Keys.Order(StringComparer.OrdinalIgnoreCase));
            throw new ArgumentException($"Unknown Tradovate environment '{environment}'; known: {known}.", nameof(environment));
        }

        var options = trading.Value;
        var gate = _gates.GetOrAdd(
            $"{environment.ToLowerInvariant()}\n{loginKey}",
            _ => new Lazy<TradovateLoginGate>(() => new TradovateLoginGate(
                new TradovateRequestLimiter(options.RequestsPerMinute, options.RequestsPerHour, time), time))).Value;
        var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = new Uri(endpoints.RestBaseUrl, UriKind.Absolute);
        http.Timeout = Timeout.InfiniteTimeSpan; // each call has its own timeout on the TimeProvider
        return new TradovateRestClient(
            http, environment, loginKey, tokenSource, gate, options, time, loggers.CreateLogger<TradovateRestClient>());
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values.Where(g => g.IsValueCreated))
        {
            gate.Value.Dispose();
        }
    }
}
