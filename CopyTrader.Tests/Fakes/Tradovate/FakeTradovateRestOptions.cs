namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>The account the fake REST auth endpoints accept, and the lifetime of the tokens they issue.</summary>
public sealed record FakeTradovateRestOptions
{
    public string Name { get; init; } = "joe";

    public string Password { get; init; } = "Case-Sensitive-1";

    public long Cid { get; init; } = 8;

    public string Sec { get; init; } = "f03741b6-f634-48d6-9308-c8fb871150c2";

    public long UserId { get; init; } = FakeTradovateSnapshot.UserId;

    /// <summary>Current partner docs say 80 minutes, an older revision 90 [C, conflicting]; the client must read expirationTime.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(80);

    /// <summary>Whether a renewal returns a new accessToken string or the same one is not documented [U].</summary>
    public bool RenewIssuesNewToken { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
