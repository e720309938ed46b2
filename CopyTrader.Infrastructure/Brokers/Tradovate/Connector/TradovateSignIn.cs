using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// Gets a usable access token for one login: the shared one while it is good, a renewal when it is about to expire, a
/// new access-token request (honouring one plain penalty ticket) when there is none or it has expired. Never returns a
/// token it was refused: a refusal throws with Tradovate's own words.
/// </summary>
internal sealed class TradovateSignIn(
    TradovateCredentials credentials,
    TradovateAuthClient auth,
    TradovateTokenHolder holder,
    TimeSpan renewBefore,
    TimeProvider clock)
{
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

            var result = await auth.RequestTokenAsync(credentials, ct);
            if (result is TradovateAuthResult.Penalty { Captcha: false } penalty)
            {
                await Task.Delay(penalty.Wait, clock, ct);
                result = await auth.RetryWithTicketAsync(credentials, penalty.Ticket, ct);
            }

            holder.Apply(result);
            return result is TradovateAuthResult.Granted granted
                ? granted.Token
                : throw new TradovateSignInException(Words(result));
        }
        finally
        {
            _signingIn.Release();
        }
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
