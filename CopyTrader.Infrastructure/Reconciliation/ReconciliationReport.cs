using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Reconciliation;

/// <summary>A follower whose positions could not be read: its drift is unknown, never assumed to be zero.</summary>
public sealed record FollowerReadFailure(int GroupId, int FollowerId, int AccountId, string Reason);

/// <summary>One repair order for one drift, and what the broker said.</summary>
public sealed record SyncResult(FollowerDrift Drift, CopyOutcome Outcome, string? BrokerOrderId, string? Reason);

public sealed record ReconciliationReport(
    DateTimeOffset CheckedUtc,
    IReadOnlyList<FollowerDrift> Drifts,
    IReadOnlyList<FollowerReadFailure> Failures,
    IReadOnlyList<SyncResult> Repairs)
{
    public static readonly ReconciliationReport None = new(DateTimeOffset.MinValue, [], [], []);
}
