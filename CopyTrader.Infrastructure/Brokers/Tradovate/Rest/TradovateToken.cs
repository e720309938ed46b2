namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// An access token as the server granted it (protocol file 1.2) [C]. <see cref="ExpirationTime"/> is the server's
/// own <c>expirationTime</c> in UTC; the lifetime is never assumed. <see cref="ToString"/> hides both token strings.
/// </summary>
public sealed record TradovateToken(
    string AccessToken,
    string? MdAccessToken,
    DateTimeOffset ExpirationTime,
    long UserId,
    string? Name)
{
    public override string ToString() =>
        $"TradovateToken {{ UserId = {UserId}, Name = {Name}, ExpirationTime = {ExpirationTime:O}, AccessToken = *** }}";
}
