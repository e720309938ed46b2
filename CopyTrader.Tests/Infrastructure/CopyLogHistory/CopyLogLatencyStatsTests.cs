using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web;
using static CopyTrader.Tests.Infrastructure.CopyLogHistory.CopyLogRows;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

public abstract class CopyLogLatencyStatsTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    private readonly TDatabase _db = new();
    private ICopyLogQuery _query = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _query = new CopyLogQuery(_db, new FakeConfigStore(CopyConfigSnapshot.Empty));

        // Follower 20: latencies 1..20 ms over accepted, rejected and failed copies, in shuffled order.
        var latencies = new[] { 7, 19, 2, 13, 20, 1, 11, 5, 16, 9, 3, 18, 14, 6, 10, 17, 4, 12, 8, 15 };
        var outcomes = new[] { CopyOutcome.Accepted, CopyOutcome.Rejected, CopyOutcome.Failed };
        await _db.InsertAsync(latencies.Select((ms, i) => Entry(i, 1, 20, "NQZ6", "MNQZ6", outcomes[i % 3], ms)).ToArray());

        // Follower 21: one sent copy of 7 ms; its skipped and dry-run copies had no broker round trip.
        await _db.InsertAsync(
            Entry(30, 1, 21, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 7),
            Entry(31, 1, 21, "NQZ6", "MNQZ6", CopyOutcome.Skipped, 999, "Follower is disabled."),
            Entry(32, 1, 21, "NQZ6", "MNQZ6", CopyOutcome.DryRun, 888));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task GivesNearestRankPercentilesAndMaximumPerFollower()
    {
        var stats = await _query.LatencyStatsAsync(CopyLogFilter.All);

        Assert.Equal(
            [new FollowerLatency(20, 20, P50Ms: 10, P95Ms: 19, MaxMs: 20), new FollowerLatency(21, 1, 7, 7, 7)],
            stats.Followers);
        Assert.False(stats.Sampled);
    }

    [Fact]
    public async Task CoversOnlyTheFilteredRange()
    {
        // Seconds 10..19 hold latencies 3, 18, 14, 6, 10, 17, 4, 12, 8, 15.
        var stats = await _query.LatencyStatsAsync(new CopyLogFilter { FromUtc = At(10), ToUtc = At(20) });

        Assert.Equal([new FollowerLatency(20, 10, P50Ms: 10, P95Ms: 18, MaxMs: 18)], stats.Followers);
    }

    [Fact]
    public async Task FollowsTheOutcomeFilter()
    {
        // Accepted copies of follower 20 are seconds 0, 3, 6, ..., 18: latencies 7, 13, 11, 9, 14, 17, 8.
        var stats = await _query.LatencyStatsAsync(new CopyLogFilter { Outcome = CopyOutcome.Accepted, FollowerAccountId = 20 });

        Assert.Equal([new FollowerLatency(20, 7, P50Ms: 11, P95Ms: 17, MaxMs: 17)], stats.Followers);
    }

    [Fact]
    public async Task HasNothingToMeasureForSkippedCopies()
    {
        var stats = await _query.LatencyStatsAsync(new CopyLogFilter { Outcome = CopyOutcome.Skipped });

        Assert.Empty(stats.Followers);
    }

    [Fact]
    public async Task SaysWhenTheRangeHeldMoreCopiesThanItMeasured()
    {
        var query = new CopyLogQuery(_db, new FakeConfigStore(CopyConfigSnapshot.Empty), latencySampleLimit: 5);

        var stats = await query.LatencyStatsAsync(CopyLogFilter.All);

        // The newest five sent copies: follower 21's 7 ms and follower 20's seconds 16..19 (4, 12, 8, 15 ms).
        Assert.True(stats.Sampled);
        Assert.Equal(5, stats.SampleLimit);
        Assert.Equal([new FollowerLatency(20, 4, P50Ms: 8, P95Ms: 15, MaxMs: 15), new FollowerLatency(21, 1, 7, 7, 7)], stats.Followers);
    }

    [Fact]
    public async Task RefusesAnInvalidFilter() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _query.LatencyStatsAsync(new CopyLogFilter { FromUtc = At(2), ToUtc = At(1) }));
}

public sealed class SqliteCopyLogLatencyStatsTests : CopyLogLatencyStatsTests<SqliteCopyLogDatabase>;

public sealed class PostgresCopyLogLatencyStatsTests : CopyLogLatencyStatsTests<PostgresCopyLogDatabase>;
