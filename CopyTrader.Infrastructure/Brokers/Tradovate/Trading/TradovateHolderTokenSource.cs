using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// A <see cref="ITradovateTokenSource"/> over the login's shared <see cref="TradovateTokenHolder"/>. Renewals run one at a
/// time; when another caller already replaced the rejected token, that token is used without renewing again. Wire
/// <c>renew</c> to <see cref="TradovateAuthClient.RenewTokenAsync"/> (the connector wires a renewal that signs in anew
/// when the rejected token cannot be renewed); the holder keeps the good token when it fails.
/// </summary>
public sealed class TradovateHolderTokenSource(
    TradovateTokenHolder holder,
    Func<string, CancellationToken, Task<TradovateAuthResult>> renew) : ITradovateTokenSource
{
    private readonly SemaphoreSlim _renewing = new(1, 1);

    public string? AccessToken => holder.Current?.AccessToken;

    public async Task<TradovateAuthResult> RenewAsync(string rejectedAccessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejectedAccessToken);
        await _renewing.WaitAsync(ct);
        try
        {
            if (holder.Current is { } current && current.AccessToken != rejectedAccessToken)
            {
                return new TradovateAuthResult.Granted(current);
            }

            var result = await renew(rejectedAccessToken, ct);
            holder.Apply(result);
            return result;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
