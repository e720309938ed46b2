using System.Text;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web;
using CsvHelper;
using static CopyTrader.Tests.Infrastructure.CopyLogHistory.CopyLogRows;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

/// <summary>
/// A trader's copy log (<see cref="CopyLogFilter.VisibleAccountIds"/>) on each provider: copies from or to one of their
/// accounts, and nothing else, in the page, its total, the latency statistics and the CSV export.
/// </summary>
public abstract class CopyLogVisibilityTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    /// <summary>Alice: leader 10 (group 1) and follower 20. Bob: leader 11 (group 2) and follower 21. Group 3 and accounts 12, 22 were deleted since.</summary>
    private static readonly CopyConfigSnapshot Names = new(
        [],
        [new AccountSnapshot(10, 1, "A-L", "Alice leader"), new AccountSnapshot(20, 1, "A-F", "Alice follower"),
            new AccountSnapshot(11, 2, "B-L", "Bob leader"), new AccountSnapshot(21, 2, "B-F", "Bob follower")],
        [new CopyGroupSnapshot(1, "Alice's group", 10, true, []), new CopyGroupSnapshot(2, "Bob's group", 11, true, [])],
        []);

    private static readonly int[] Alices = [10, 20];

    private readonly TDatabase _db = new();
    private ICopyLogQuery _query = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _query = new CopyLogQuery(_db, new FakeConfigStore(Names));
        await _db.InsertAsync(
            Entry(2, group: 2, followerAccount: 21, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 30, leaderAccount: 11),            // Bob's only
            Entry(0, group: 1, followerAccount: 21, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 10, leaderAccount: 10),            // Alice's leader
            Entry(5, group: 2, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Skipped, 0.5, "Follower is disabled.", 11), // Alice's follower
            Entry(4, group: 3, followerAccount: 22, "NQZ6", "MNQZ6", CopyOutcome.Failed, 50, "Timed out", 12),               // nobody's now
            Entry(1, group: 2, followerAccount: 20, "ESZ6", "MESZ6", CopyOutcome.Accepted, 20, leaderAccount: 11),            // Alice's follower
            Entry(3, group: 1, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Rejected, 40, "Insufficient margin", 10));   // both Alice's
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static CopyLogFilter Visible(CopyLogFilter filter, params int[] accountIds) => filter with { VisibleAccountIds = accountIds };

    [Fact]
    public async Task APageHoldsTheCopiesFromOrToTheVisibleAccountsAndNothingElse()
    {
        var page = await _query.PageAsync(Visible(CopyLogFilter.All, Alices), 0, 50);

        Assert.Equal([At(5), At(3), At(1), At(0)], page.Items.Select(e => e.CreatedUtc));
        Assert.Equal(4, page.TotalCount);
        Assert.All(page.Items, e => Assert.True(Alices.Contains(e.LeaderAccountId) || Alices.Contains(e.FollowerAccountId)));
    }

    [Fact]
    public async Task ALeaderOnlyOrAFollowerOnlyIsEnough()
    {
        var leaderOnly = await _query.PageAsync(Visible(CopyLogFilter.All, 10), 0, 50);
        var followerOnly = await _query.PageAsync(Visible(CopyLogFilter.All, 20), 0, 50);

        Assert.Equal([At(3), At(0)], leaderOnly.Items.Select(e => e.CreatedUtc));
        Assert.Equal([At(5), At(3), At(1)], followerOnly.Items.Select(e => e.CreatedUtc));
    }

    [Fact]
    public async Task PagesAndTheirTotalCountOnlyVisibleCopies()
    {
        var first = await _query.PageAsync(Visible(CopyLogFilter.All, Alices), 0, 3);
        var second = await _query.PageAsync(Visible(CopyLogFilter.All, Alices), 1, 3);

        Assert.Equal([At(5), At(3), At(1)], first.Items.Select(e => e.CreatedUtc));
        Assert.Equal([At(0)], second.Items.Select(e => e.CreatedUtc));
        Assert.Equal((4, 4), (first.TotalCount, second.TotalCount));
    }

    [Fact]
    public async Task NoVisibleAccountsMeansNoCopiesNotAllOfThem()
    {
        var page = await _query.PageAsync(Visible(CopyLogFilter.All), 0, 50);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
        Assert.Empty((await _query.LatencyStatsAsync(Visible(CopyLogFilter.All))).Followers);
        Assert.Equal(0, (await ExportAsync(Visible(CopyLogFilter.All))).Count);
    }

    [Fact]
    public async Task OtherCriteriaNarrowFurtherButNeverReachOtherAccounts()
    {
        var bobsFollower = await _query.PageAsync(Visible(new CopyLogFilter { FollowerAccountId = 21 }, Alices), 0, 50);
        var deletedFollower = await _query.PageAsync(Visible(new CopyLogFilter { FollowerAccountId = 22 }, Alices), 0, 50);
        var bobsGroup = await _query.PageAsync(Visible(new CopyLogFilter { CopyGroupId = 2 }, Alices), 0, 50);
        var accepted = await _query.PageAsync(Visible(new CopyLogFilter { Outcome = CopyOutcome.Accepted, FromUtc = At(1) }, Alices), 0, 50);

        Assert.Equal([At(0)], bobsFollower.Items.Select(e => e.CreatedUtc)); // from Alice's leader
        Assert.Equal(0, deletedFollower.TotalCount);
        Assert.Equal([At(5), At(1)], bobsGroup.Items.Select(e => e.CreatedUtc)); // to Alice's follower
        Assert.Equal([At(1)], accepted.Items.Select(e => e.CreatedUtc));
    }

    [Fact]
    public async Task AManyAccountSetRunsOnTheProvider()
    {
        var many = Enumerable.Range(1000, 3000).Concat(Alices).ToArray();

        var page = await _query.PageAsync(Visible(CopyLogFilter.All, many), 0, 50);

        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task LatencyStatisticsCoverOnlyTheVisibleCopies()
    {
        var all = await _query.LatencyStatsAsync(CopyLogFilter.All);
        var alices = await _query.LatencyStatsAsync(Visible(CopyLogFilter.All, Alices));

        Assert.Equal([20, 21, 22], all.Followers.Select(f => f.FollowerAccountId));
        // Follower 20: 20 and 40 ms (its skipped copy had no round trip); follower 21: the 10 ms copy from Alice's leader, not Bob's 30 ms.
        Assert.Equal([new FollowerLatency(20, 2, P50Ms: 20, P95Ms: 40, MaxMs: 40), new FollowerLatency(21, 1, 10, 10, 10)], alices.Followers);
    }

    [Fact]
    public async Task TheExportHoldsOnlyTheVisibleCopiesNewestFirst()
    {
        var (count, rows) = await ExportAsync(Visible(CopyLogFilter.All, Alices));

        Assert.Equal(4, count);
        Assert.Equal(["2026-11-23T14:00:05.000Z", "2026-11-23T14:00:03.000Z", "2026-11-23T14:00:01.000Z", "2026-11-23T14:00:00.000Z"], rows.Select(r => r[0]));
    }

    [Fact]
    public async Task TheExportNamesOnlyTheVisibleAccountsAndGroupsAsTheCopyLogPageDoes()
    {
        var (_, rows) = await ExportAsync(Visible(CopyLogFilter.All, Alices));

        // Group, leader, follower: another user's group and accounts keep their ids, as a deleted one does.
        Assert.Equal(["Alice's group", "Alice leader", "#21"], rows[3][1..4]);
        Assert.Equal(["#2", "#11", "Alice follower"], rows[2][1..4]);
        Assert.Equal(["Alice's group", "Alice leader", "Alice follower"], rows[1][1..4]);
        Assert.DoesNotContain(rows.SelectMany(r => r), field => field.Contains("Bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnrestrictedExportNamesEveryAccountAndGroup()
    {
        var (count, rows) = await ExportAsync(CopyLogFilter.All);

        Assert.Equal(6, count);
        Assert.Equal(["Bob's group", "Bob leader", "Bob follower"], rows[3][1..4]);
        Assert.Equal(["#3", "#12", "#22"], rows[1][1..4]);
    }

    private async Task<(int Count, List<string[]> Rows)> ExportAsync(CopyLogFilter filter)
    {
        using var output = new MemoryStream();
        var count = await _query.ExportAsync(filter, output);
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF'));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray());
        }

        Assert.Equal(count, rows.Count);
        return (count, rows);
    }
}

public sealed class SqliteCopyLogVisibilityTests : CopyLogVisibilityTests<SqliteCopyLogDatabase>;

public sealed class PostgresCopyLogVisibilityTests : CopyLogVisibilityTests<PostgresCopyLogDatabase>;
