namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// The current token of one Tradovate login, shared across threads. Only a <see cref="TradovateAuthResult.Granted"/>
/// replaces it: a refused, penalised or failed renewal keeps the good token and is recorded in <see cref="LastFailure"/>.
/// </summary>
public sealed class TradovateTokenHolder
{
    private readonly Lock _gate = new();
    private TradovateToken? _token;
    private string? _lastFailure;

    public TradovateToken? Current
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    /// <summary>What the last non-granted result said, for display; cleared by the next grant.</summary>
    public string? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>Raised after every <see cref="Apply"/>, outside the holder's lock; a throwing handler is the caller's bug.</summary>
    public event Action? Changed;

    public void Apply(TradovateAuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            if (result is TradovateAuthResult.Granted granted)
            {
                _token = granted.Token;
                _lastFailure = null;
            }
            else
            {
                _lastFailure = result.Describe();
            }
        }

        Changed?.Invoke();
    }

    /// <summary>True when there is no token or it expires within <paramref name="margin"/> of <paramref name="now"/>, by its own expirationTime.</summary>
    public bool NeedsRenewal(DateTimeOffset now, TimeSpan margin)
    {
        var token = Current;
        return token is null || now >= token.ExpirationTime - margin;
    }
}
