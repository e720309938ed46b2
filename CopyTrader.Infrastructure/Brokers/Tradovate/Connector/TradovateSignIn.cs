using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// Gets a usable access token for one login: the shared one while it is good, a renewal when it is about to expire, a
/// new access-token request (honouring one plain penalty ticket) when there is none or it has expired, and a replacement
/// when Tradovate rejects the one it holds. Never returns a token it was refused: a refusal throws with Tradovate's own words.
/// </summary>
internal sealed class TradovateSignIn(
    TradovateCredentials credentials,
    TradovateAuthClient auth,
    TradovateTokenHolder holder,
    TimeSpan renewBefore,
    TimeProvider clock)
{
    /// <summary>
    /// Added to p-time before the one resend: Tradovate counts p-time from when it issued the ticket, a timer may wake a
    /// moment early, and an early resend is answered with the penalty again (which would fail the sign-in).
    /// </summary>
    private static readonly TimeSpan PenaltyMargin = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _signingIn = new(1, 1);

    public TradovateTokenHolder Holder => holder;

    /// <exception cref="TradovateSignInException">Tradovate refused the login, asked for a captcha, or could not be reached.</exception>
    public async Task<TradovateToken> TokenAsync(CancellationToken ct)
    {
        if (Usable(holder.Current) is { } ready)
        {
            return ready;
        }

        await _signingIn.WaitAsync(ct);
        try
        {
            if (Usable(holder.Current) is { } fresh)
            {
                return fresh;
            }

            if (holder.Current is { } current && current.ExpirationTime > clock.GetUtcNow())
            {
                holder.Apply(await auth.RenewTokenAsync(current.AccessToken, ct));
                if (Usable(holder.Current) is { } renewed)
                {
                    return renewed;
                }
            }

            var result = await RequestTokenAsync(ct);
            return result is TradovateAuthResult.Granted granted
                ? granted.Token
                : throw new TradovateSignInException(Words(result));
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>
    /// Replaces a token Tradovate rejected (HTTP 401 on REST, <c>authorize</c> refused on the socket): the holder's newer
    /// token when another caller replaced it already, else a renewal, else (an expired or revoked token cannot be
    /// renewed) a new access-token request. Only a <see cref="TradovateAuthResult.Granted"/> is a replacement.
    /// </summary>
    public async Task<TradovateAuthResult> ReplaceRejectedAsync(string rejectedAccessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejectedAccessToken);
        await _signingIn.WaitAsync(ct);
        try
        {
            if (holder.Current is { } current && current.AccessToken != rejectedAccessToken)
            {
                return new TradovateAuthResult.Granted(current);
            }

            var renewed = await auth.RenewTokenAsync(rejectedAccessToken, ct);
            holder.Apply(renewed);
            return renewed is TradovateAuthResult.Granted ? renewed : await RequestTokenAsync(ct);
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <exception cref="TradovateSignInException">No replacement was granted; the message is Tradovate's reason.</exception>
    public async Task<TradovateToken> ReplaceRejectedTokenAsync(string rejectedAccessToken, CancellationToken ct)
    {
        var result = await ReplaceRejectedAsync(rejectedAccessToken, ct);
        return result is TradovateAuthResult.Granted granted ? granted.Token : throw new TradovateSignInException(Words(result));
    }

    /// <summary>A new access-token request, honouring one plain penalty ticket; the holder keeps what it grants.</summary>
    private async Task<TradovateAuthResult> RequestTokenAsync(CancellationToken ct)
    {
        var result = await auth.RequestTokenAsync(credentials, ct);
        if (result is TradovateAuthResult.Penalty { Captcha: false } penalty)
        {
            await Task.Delay(penalty.Wait + PenaltyMargin, clock, ct);
            result = await auth.RetryWithTicketAsync(credentials, penalty.Ticket, ct);
        }

        holder.Apply(result);
        return result;
    }

    private TradovateToken? Usable(TradovateToken? token) =>
        token is not null && !holder.NeedsRenewal(clock.GetUtcNow(), renewBefore) ? token : null;

    private string Words(TradovateAuthResult result) => result switch
    {
        TradovateAuthResult.Refused refused => $"Tradovate refused the login {credentials.Name}: {refused.ErrorText}",
        TradovateAuthResult.Penalty { Captcha: true } =>
            $"Tradovate asks for a captcha for login {credentials.Name}; a third-party app cannot answer it, so the login is locked for about an hour.",
        _ => $"Tradovate login {credentials.Name} failed: {result.Describe()}",
    };
}

/// <summary>Tradovate did not grant an access token; the message is the reason in Tradovate's words.</summary>
public sealed class TradovateSignInException(string message) : Exception(message);
