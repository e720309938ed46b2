using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Where a login's REST client gets its Bearer token, and how it asks for a new one after an HTTP 401.</summary>
public interface ITradovateTokenSource
{
    /// <summary>The current access token, or null when the login has none.</summary>
    string? AccessToken { get; }

    /// <summary>
    /// Renews after <paramref name="rejectedAccessToken"/> was answered with 401. Only a
    /// <see cref="TradovateAuthResult.Granted"/> counts as renewed; any other result must leave the current token alone.
    /// </summary>
    Task<TradovateAuthResult> RenewAsync(string rejectedAccessToken, CancellationToken ct);
}
