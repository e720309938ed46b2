using System.Collections.Concurrent;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Auth;

/// <summary>One <see cref="TradovateTokenHolder"/> per login, so every account of a login shares one token.</summary>
public sealed class TradovateTokenRegistry
{
    private readonly ConcurrentDictionary<string, TradovateLogin> _logins = new(StringComparer.Ordinal);

    /// <summary>The login's holder, created on first registration; a login stays in one environment.</summary>
    /// <exception cref="InvalidOperationException">The login is already registered for another environment.</exception>
    public TradovateTokenHolder Register(string loginKey, string environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(loginKey);
        ArgumentException.ThrowIfNullOrEmpty(environment);
        var login = _logins.GetOrAdd(loginKey, key => new TradovateLogin(key, environment, new TradovateTokenHolder()));
        if (!string.Equals(login.Environment, environment, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Tradovate login '{loginKey}' is registered for environment '{login.Environment}', not '{environment}'.");
        }

        return login.Holder;
    }

    public TradovateTokenHolder? Find(string loginKey) =>
        _logins.TryGetValue(loginKey, out var login) ? login.Holder : null;

    /// <summary>A snapshot of the registered logins.</summary>
    public IReadOnlyList<TradovateLogin> Logins => [.. _logins.Values];
}

/// <summary>A registered login: its key, its environment name and its shared token.</summary>
public sealed record TradovateLogin(string LoginKey, string Environment, TradovateTokenHolder Holder);
