using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web;
using static CopyTrader.Tests.Infrastructure.CopyLogHistory.CopyLogRows;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

/// <summary>Filtering and paging run in SQL on each provider; the rows go in out of time order to prove the sort.</summary>
public abstract class CopyLogQueryPageTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    private readonly TDatabase _db = new();
    private ICopyLogQuery _query = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _query = new CopyLogQuery(_db, new FakeConfigStore(CopyConfigSnapshot.Empty));
        await _db.InsertAsync(
            Entry(4, group: 1, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Failed, 5000, "Timed out after 5 s"),
            Entry(0, group: 1, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 10),
            Entry(2, group: 1, followerAccount: 20, "ESZ6", "MESZ6", CopyOutcome.Rejected, 30, "Insufficient margin"),
            Entry(1, group: 1, followerAccount: 21, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 20),
            Entry(5, group: 2, followerAccount: 22, "GCZ6", "MGCZ6", CopyOutcome.DryRun, 1, leaderAccount: 11),
            Entry(3, group: 2, followerAccount: 22, "GCZ6", "MGCZ6", CopyOutcome.Skipped, 0.5, "Follower is disabled.", leaderAccount: 11));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task PagesNewestFirstWithTheTotalCount()
    {
        var first = await _query.PageAsync(CopyLogFilter.All, page: 0, pageSize: 4);
        var second = await _query.PageAsync(CopyLogFilter.All, page: 1, pageSize: 4);

        Assert.Equal(6, first.TotalCount);
        Assert.Equal([At(5), At(4), At(3), At(2)], first.Items.Select(e => e.CreatedUtc));
        Assert.Equal([At(1), At(0)], second.Items.Select(e => e.CreatedUtc));
        Assert.Equal(6, second.TotalCount);
    }

    [Fact]
    public async Task EntriesOfTheSameMillisecondComeNewestInsertFirst()
    {
        await _db.InsertAsync(Entry(9, 1, 30, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 1), Entry(9, 1, 31, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 1));

        var page = await _query.PageAsync(CopyLogFilter.All, 0, 2);

        Assert.Equal([31, 30], page.Items.Select(e => e.FollowerAccountId));
    }

    [Fact]
    public async Task TimeRangeIncludesFromAndExcludesTo()
    {
        var page = await _query.PageAsync(new CopyLogFilter { FromUtc = At(1), ToUtc = At(4) }, 0, 50);

        Assert.Equal([At(3), At(2), At(1)], page.Items.Select(e => e.CreatedUtc));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task TimeRangeCountsMilliseconds()
    {
        var page = await _query.PageAsync(new CopyLogFilter { FromUtc = At(3.999), ToUtc = At(4.001) }, 0, 50);

        Assert.Equal([At(4)], page.Items.Select(e => e.CreatedUtc));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 2)]
    public async Task FiltersByGroup(int group, int expected)
    {
        var page = await _query.PageAsync(new CopyLogFilter { CopyGroupId = group }, 0, 50);

        Assert.Equal(expected, page.TotalCount);
        Assert.All(page.Items, e => Assert.Equal(group, e.CopyGroupId));
    }

    [Fact]
    public async Task FiltersByFollowerAccount()
    {
        var page = await _query.PageAsync(new CopyLogFilter { FollowerAccountId = 20 }, 0, 50);

        Assert.Equal([At(4), At(2), At(0)], page.Items.Select(e => e.CreatedUtc));
    }

    [Theory]
    [InlineData(CopyOutcome.Accepted, 2)]
    [InlineData(CopyOutcome.Rejected, 1)]
    [InlineData(CopyOutcome.Failed, 1)]
    [InlineData(CopyOutcome.Skipped, 1)]
    [InlineData(CopyOutcome.DryRun, 1)]
    public async Task FiltersByOutcome(CopyOutcome outcome, int expected)
    {
        var page = await _query.PageAsync(new CopyLogFilter { Outcome = outcome }, 0, 50);

        Assert.Equal(expected, page.TotalCount);
        Assert.All(page.Items, e => Assert.Equal(outcome, e.Outcome));
    }

    [Theory]
    [InlineData("MNQ", 3)]     // the follower's contract
    [InlineData("nq", 3)]      // the leader's contract, any case
    [InlineData(" mesz6 ", 1)] // a whole contract, trimmed
    [InlineData("GC", 2)]
    [InlineData("Z6", 0)]      // a prefix, not a substring
    [InlineData("%", 0)]       // LIKE wildcards are plain characters
    [InlineData("_NQ", 0)]
    public async Task FiltersBySymbolPrefixOfEitherContract(string symbol, int expected)
    {
        var page = await _query.PageAsync(new CopyLogFilter { Symbol = symbol }, 0, 50);

        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task CombinesEveryCriterion()
    {
        var filter = new CopyLogFilter { FromUtc = At(0), ToUtc = At(10), CopyGroupId = 1, FollowerAccountId = 20, Outcome = CopyOutcome.Accepted, Symbol = "MNQ" };

        var page = await _query.PageAsync(filter, 0, 50);

        var entry = Assert.Single(page.Items);
        Assert.Equal((At(0), "SIM-O0"), (entry.CreatedUtc, entry.BrokerOrderId));
    }

    [Fact]
    public async Task RefusesFromAfterTo()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _query.PageAsync(new CopyLogFilter { FromUtc = At(5), ToUtc = At(1) }, 0, 10));

        Assert.Contains("'From' (2026-11-23 14:00:05 UTC) is after 'To' (2026-11-23 14:00:01 UTC)", error.Message);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, CopyLogQuery.MaxPageSize + 1)]
    public async Task RefusesPagesOutOfRange(int page, int size) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _query.PageAsync(CopyLogFilter.All, page, size));
}

public sealed class SqliteCopyLogQueryPageTests : CopyLogQueryPageTests<SqliteCopyLogDatabase>;

public sealed class PostgresCopyLogQueryPageTests : CopyLogQueryPageTests<PostgresCopyLogDatabase>;
