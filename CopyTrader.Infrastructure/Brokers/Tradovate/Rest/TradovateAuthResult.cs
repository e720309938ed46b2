namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>The outcome of an access-token request or renewal; only <see cref="Granted"/> carries a token.</summary>
public abstract record TradovateAuthResult
{
    private TradovateAuthResult()
    {
    }

    /// <summary>A one-line text for logs and the UI; never contains a token or a credential.</summary>
    public abstract string Describe();

    /// <summary>HTTP 200 with <c>accessToken</c> and <c>expirationTime</c> [C].</summary>
    public sealed record Granted(TradovateToken Token) : TradovateAuthResult
    {
        public override string Describe() => $"Granted, expires {Token.ExpirationTime:O}";
    }

    /// <summary>HTTP 200 with <c>errorText</c>: a business failure such as a wrong password [C]. Not a success.</summary>
    public sealed record Refused(string ErrorText) : TradovateAuthResult
    {
        public override string Describe() => $"Refused: {ErrorText}";
    }

    /// <summary>
    /// HTTP 200 with <c>p-ticket</c> (protocol file 1.4) [C]: the request was not executed. Repeat it after
    /// <see cref="Wait"/> with the ticket; when <see cref="Captcha"/> is set a third-party app cannot clear it (wait ~1 h).
    /// </summary>
    public sealed record Penalty(string Ticket, TimeSpan Wait, bool Captcha) : TradovateAuthResult
    {
        public override string Describe() =>
            Captcha ? $"Penalty ticket with captcha, retry after {Wait}" : $"Penalty ticket, retry after {Wait}";
    }

    /// <summary>401, 429, 5xx, a network error or a body that is not the documented JSON; the reason names the status.</summary>
    public sealed record Failed(string Reason) : TradovateAuthResult
    {
        public override string Describe() => $"Failed: {Reason}";
    }
}
