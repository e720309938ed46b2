namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// Resolves a token: one of <see cref="FakeTradovateOptions.ValidTokens"/> (e.g. <see cref="FakeTradovateServer.DefaultToken"/>)
/// sees everything; a token the auth endpoints issued acts for its login's user until it expires.
/// </summary>
internal sealed class FakeTradovateAccess(FakeTradovateOptions options, FakeTradovateRest rest)
{
    public FakeTradovateGrant? Resolve(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (options.ValidTokens.Contains(token))
        {
            return new FakeTradovateGrant(token, null);
        }

        return rest.UserOfToken(token) is { } userId ? new FakeTradovateGrant(token, userId) : null;
    }
}
