namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// Who a bearer token or an authorized socket acts for: a user issued the token by the auth endpoints, or
/// (<see cref="UserId"/> null) one of <see cref="FakeTradovateOptions.ValidTokens"/>, which sees every user's accounts.
/// </summary>
public sealed record FakeTradovateGrant(string Token, long? UserId)
{
    public bool AllAccess => UserId is null;

    /// <summary>Whether something owned by <paramref name="ownerUserId"/> (null: shared reference data) is visible.</summary>
    public bool Sees(long? ownerUserId) => AllAccess || ownerUserId is null || ownerUserId == UserId;
}
