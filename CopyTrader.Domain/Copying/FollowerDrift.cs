namespace CopyTrader.Domain.Copying;

/// <summary>A follower holding something other than what mirrors the leader: <see cref="Size"/> = actual − expected.</summary>
public sealed record FollowerDrift(int GroupId, int FollowerId, int AccountId, string Symbol, int Expected, int Actual)
{
    public int Size => Actual - Expected;
}
