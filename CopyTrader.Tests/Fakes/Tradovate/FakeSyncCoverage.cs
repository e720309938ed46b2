namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// What one <c>user/syncrequest</c> subscribed to: the accounts of <see cref="Users"/> plus <see cref="Accounts"/>,
/// or, when both are empty (e.g. a body with only <c>splitResponses</c>), every account the grant sees.
/// </summary>
public sealed record FakeSyncCoverage(FakeTradovateGrant Grant, IReadOnlySet<long> Users, IReadOnlySet<long> Accounts)
{
    /// <summary>Whether an entity owned by this account and user (both null: reference data) belongs to the subscription.</summary>
    public bool Covers(long? accountId, long? userId)
    {
        if (accountId is null && userId is null)
        {
            return true;
        }

        if (!Grant.Sees(userId))
        {
            return false;
        }

        return (Users.Count == 0 && Accounts.Count == 0)
            || (userId is { } user && Users.Contains(user))
            || (accountId is { } account && Accounts.Contains(account));
    }
}
