namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// A failed Tradovate REST call. <see cref="Message"/> is one line for logs and the UI that carries the broker's own
/// words (errorText, failureReason + failureText, every violation's description, or the status and a body excerpt).
/// </summary>
public sealed record TradovateError(TradovateErrorKind Kind, string Path, string Message)
{
    /// <summary>The HTTP status when the server answered.</summary>
    public int? HttpStatus { get; init; }

    /// <summary><c>failureReason</c> of a rejected command (e.g. <c>MaxPosLimitReached</c>).</summary>
    public string? FailureReason { get; init; }

    /// <summary><c>failureText</c> of a rejected command.</summary>
    public string? FailureText { get; init; }

    /// <summary>Every violation's description, in the order sent.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>For <see cref="TradovateErrorKind.LoginLocked"/>, <see cref="TradovateErrorKind.RateLimited"/> and <see cref="TradovateErrorKind.PenaltyCaptcha"/>: when the lock ends.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>True when the request may have taken effect at Tradovate although no answer says so.</summary>
    public bool OutcomeUnknown => Kind is TradovateErrorKind.Timeout or TradovateErrorKind.Transport;

    public override string ToString() => $"{Kind} on {Path}: {Message}";
}
