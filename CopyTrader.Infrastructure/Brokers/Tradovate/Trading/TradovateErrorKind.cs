namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Why a Tradovate REST call did not succeed (protocol file 1.3, 1.4).</summary>
public enum TradovateErrorKind
{
    /// <summary>The request was refused before sending: it lacks a field Tradovate requires.</summary>
    InvalidRequest,

    /// <summary>The login has no access token to send.</summary>
    NotSignedIn,

    /// <summary>HTTP 401 again after one renewal and retry, or the renewal itself failed.</summary>
    Unauthorized,

    /// <summary>The login is locked (after a 429 or a captcha penalty) until <see cref="TradovateError.LockedUntil"/>; nothing was sent.</summary>
    LoginLocked,

    /// <summary>HTTP 429: locked out for a rolling hour; the login is now locked.</summary>
    RateLimited,

    /// <summary>HTTP 423: Tradovate warns a lockout is imminent. Not locked yet.</summary>
    LockoutImminent,

    /// <summary>A p-ticket with <c>p-captcha</c>: a third-party app cannot clear it; the login is now locked.</summary>
    PenaltyCaptcha,

    /// <summary>p-tickets kept coming after the configured resends, or asked for a longer wait than allowed.</summary>
    PenaltyPersisted,

    /// <summary>HTTP 200 with <c>errorText</c> (or <c>ok:false</c>).</summary>
    ErrorText,

    /// <summary>HTTP 200 with <c>failureReason</c>/<c>failureText</c>: the command was rejected.</summary>
    Rejected,

    /// <summary>HTTP 200 with <c>violations</c>: the request failed validation.</summary>
    Violations,

    /// <summary>HTTP 404: unknown entity, name or endpoint.</summary>
    NotFound,

    /// <summary>Any other HTTP status (400, 5xx, ...).</summary>
    HttpStatus,

    /// <summary>The answer is not the documented JSON.</summary>
    Malformed,

    /// <summary>No answer within the timeout: whether the request took effect is unknown.</summary>
    Timeout,

    /// <summary>The connection failed (refused, reset, DNS): whether the request took effect may be unknown.</summary>
    Transport,
}
