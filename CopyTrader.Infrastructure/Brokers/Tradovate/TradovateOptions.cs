using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>
/// Section <c>Tradovate</c>: the environments by name (<c>live</c> and <c>demo</c> per protocol file 1.1 [C]; more may be
/// added by configuration) and when access tokens are renewed (protocol file 1.2: by the server's own expirationTime).
/// </summary>
public sealed class TradovateOptions : IValidatableObject
{
    public const string SectionName = "Tradovate";

    public Dictionary<string, TradovateEnvironmentOptions> Environments { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["live"] = new() { RestBaseUrl = "https://live.tradovateapi.com/v1", WebSocketUrl = "wss://live.tradovateapi.com/v1/websocket" },
        ["demo"] = new() { RestBaseUrl = "https://demo.tradovateapi.com/v1", WebSocketUrl = "wss://demo.tradovateapi.com/v1/websocket" },
    };

    /// <summary>Renew a token this many minutes before its expirationTime.</summary>
    [Range(1, 60)]
    public int RenewBeforeExpiryMinutes { get; set; } = 10;

    /// <summary>Seconds between checks of every registered login's token.</summary>
    [Range(1, 3600)]
    public int TokenCheckSeconds { get; set; } = 60;

    public TimeSpan RenewBeforeExpiry => TimeSpan.FromMinutes(RenewBeforeExpiryMinutes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Environments.Count == 0)
        {
            yield return new ValidationResult("Tradovate:Environments must name at least one environment.", [nameof(Environments)]);
        }

        foreach (var (name, environment) in Environments)
        {
            if (!IsAbsolute(environment?.RestBaseUrl, "http", "https"))
            {
                yield return Invalid(name, nameof(TradovateEnvironmentOptions.RestBaseUrl), environment?.RestBaseUrl, "http(s)");
            }

            if (!IsAbsolute(environment?.WebSocketUrl, "ws", "wss"))
            {
                yield return Invalid(name, nameof(TradovateEnvironmentOptions.WebSocketUrl), environment?.WebSocketUrl, "ws(s)");
            }
        }
    }

    private static bool IsAbsolute(string? url, string plain, string secure) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == plain || uri.Scheme == secure);

    private static ValidationResult Invalid(string environment, string field, string? value, string scheme) =>
        new($"Tradovate:Environments:{environment}:{field} must be an absolute {scheme} URL, not '{value}'.", [nameof(Environments)]);
}
