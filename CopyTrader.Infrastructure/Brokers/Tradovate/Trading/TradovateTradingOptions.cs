using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// Section <c>Tradovate</c> (beside <see cref="TradovateOptions"/>): how the REST trading client paces and protects one
/// login (protocol file 1.4). Zero is refused for every field except <see cref="PenaltyRetryLimit"/>, where it means
/// "never resend after a penalty ticket".
/// </summary>
public sealed class TradovateTradingOptions : IValidatableObject
{
    /// <summary>Requests a login may send in any rolling minute [O: copier vendors state 80/min].</summary>
    public int RequestsPerMinute { get; set; } = 80;

    /// <summary>Requests a login may send in any rolling hour [C: 5,000/h authenticated].</summary>
    public int RequestsPerHour { get; set; } = 5000;

    /// <summary>How often a request answered with a p-ticket is resent with the ticket; 0 = never (fail at the first ticket).</summary>
    public int PenaltyRetryLimit { get; set; } = 3;

    /// <summary>The longest p-time waited out; a ticket asking for more fails at once instead of holding the request.</summary>
    public int PenaltyMaxWaitSeconds { get; set; } = 60;

    /// <summary>How long a login is locked after HTTP 429 (the docs: a rolling hour that cannot be cleared).</summary>
    public int RateLimitLockMinutes { get; set; } = 60;

    /// <summary>How long a login is locked after a p-ticket with <c>p-captcha</c> (the docs: about an hour).</summary>
    public int CaptchaLockMinutes { get; set; } = 60;

    /// <summary>How long one HTTP exchange may take before it counts as timed out (overridable per call).</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var checks = new (string Name, int Value, int Min, int Max, string WhyNotZero)[]
        {
            (nameof(RequestsPerMinute), RequestsPerMinute, 1, 100_000, "0 would block every request"),
            (nameof(RequestsPerHour), RequestsPerHour, 1, 1_000_000, "0 would block every request"),
            (nameof(PenaltyRetryLimit), PenaltyRetryLimit, 0, 10, ""),
            (nameof(PenaltyMaxWaitSeconds), PenaltyMaxWaitSeconds, 1, 3600, "0 would fail every penalty ticket"),
            (nameof(RateLimitLockMinutes), RateLimitLockMinutes, 1, 1440, "Tradovate keeps a 429 lockout for a rolling hour"),
            (nameof(CaptchaLockMinutes), CaptchaLockMinutes, 1, 1440, "a captcha penalty cannot be cleared by the app"),
            (nameof(RequestTimeoutSeconds), RequestTimeoutSeconds, 1, 300, "0 would time out every request"),
        };
        foreach (var (name, value, min, max, whyNotZero) in checks)
        {
            if (value < min || value > max)
            {
                var zero = value == 0 && whyNotZero.Length > 0 ? $" ({whyNotZero})" : "";
                yield return new ValidationResult($"Tradovate:{name} must be between {min} and {max}, not {value}{zero}.", [name]);
            }
        }
    }
}
