using CopyTrader.Infrastructure.Audit;
using CopyTrader.Tests.Infrastructure.CopyLogHistory;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Filtering and paging of the trail run in SQL on each provider; entries go in out of time order to prove the sort.</summary>
public abstract class AuditTrailQueryTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly Actor Alice = new("user-alice", "alice@example.com", AuditChannel.Web);
    private static readonly Actor AliceByApi = Alice with { Channel = AuditChannel.Api };
    private static readonly Actor Bob = new("user-bob", "bob@example.com", AuditChannel.Web);

    private readonly TDatabase _db = new();
    private IAuditTrailQuery _query = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _query = new AuditTrailQuery(_db);
        await InsertAsync(
            Entry(4, Bob, "flatten.group", "Group 'NQ main'", "4 accounts flattened.", group: 1),
            Entry(0, Alice, "follower.updated", "Follower 'Apex 1001' in group 'NQ main'", "Multiplier 1 → 2", group: 1, account: 20),
            Entry(2, AliceByApi, "follower.disabled", "Follower 'Apex 1002' in group 'Gold'", "Enabled on → off", group: 2, account: 21),
            Entry(1, Bob, "group.auto-copy", "Group 'Gold'", "Auto-copy on → off", group: 2),
            Entry(5, Actor.System, "groupie.made-up", "Something else", "Not a group action"),
            Entry(3, Alice, "api-key.created", "API key 'script' (ctk_abcdefgh…)", "Created"));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task PagesNewestFirstWithTheTotalCount()
    {
        var first = await _query.PageAsync(AuditFilter.All, page: 0, pageSize: 4);
        var second = await _query.PageAsync(AuditFilter.All, page: 1, pageSize: 4);

        Assert.Equal((6, 6), (first.TotalCount, second.TotalCount));
        Assert.Equal([At(5), At(4), At(3), At(2)], first.Items.Select(e => e.OccurredUtc));
        Assert.Equal([At(1), At(0)], second.Items.Select(e => e.OccurredUtc));
    }

    [Fact]
    public async Task EntriesOfTheSameMillisecondComeNewestInsertFirst()
    {
        await InsertAsync(Entry(9, Alice, "group.updated", "first", ""), Entry(9, Alice, "group.updated", "second", ""));

        var page = await _query.PageAsync(AuditFilter.All, 0, 2);

        Assert.Equal(["second", "first"], page.Items.Select(e => e.Subject));
    }

    [Fact]
    public async Task TimeRangeIncludesFromAndExcludesTo()
    {
        var page = await _query.PageAsync(new AuditFilter { FromUtc = At(1), ToUtc = At(4) }, 0, 50);

        Assert.Equal([At(3), At(2), At(1)], page.Items.Select(e => e.OccurredUtc));
    }

    [Fact]
    public async Task FiltersByActorAndChannel()
    {
        var alice = await _query.PageAsync(new AuditFilter { ActorUserId = "user-alice" }, 0, 50);
        var api = await _query.PageAsync(new AuditFilter { Channel = AuditChannel.Api }, 0, 50);
        var system = await _query.PageAsync(new AuditFilter { Channel = AuditChannel.System }, 0, 50);

        Assert.Equal(["api-key.created", "follower.disabled", "follower.updated"], alice.Items.Select(e => e.Action));
        Assert.Equal(["follower.disabled"], api.Items.Select(e => e.Action));
        Assert.Equal([("system", (string?)null)], system.Items.Select(e => (e.ActorName, e.ActorUserId)));
    }

    [Theory]
    [InlineData("follower", new[] { "follower.disabled", "follower.updated" })]
    [InlineData("group", new[] { "group.auto-copy" })]
    [InlineData("follower.disabled", new[] { "follower.disabled" })]
    [InlineData(" Flatten ", new[] { "flatten.group" })]
    [InlineData("follow", new string[0])]
    public async Task FiltersByActionOrItsCategory(string action, string[] expected)
    {
        var page = await _query.PageAsync(new AuditFilter { Action = action }, 0, 50);

        Assert.Equal(expected, page.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task FiltersByGroupAndAccount()
    {
        var gold = await _query.PageAsync(new AuditFilter { CopyGroupId = 2 }, 0, 50);
        var account = await _query.PageAsync(new AuditFilter { AccountId = 20 }, 0, 50);

        Assert.Equal(["follower.disabled", "group.auto-copy"], gold.Items.Select(e => e.Action));
        Assert.Equal(["follower.updated"], account.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("nq MAIN", 2)]
    [InlineData("on → off", 2)]
    [InlineData("apex 100", 2)]
    [InlineData("nothing like this", 0)]
    [InlineData("50%", 0)]
    public async Task SearchesSubjectAndDetailsIgnoringCase(string text, int expected)
    {
        var page = await _query.PageAsync(new AuditFilter { Text = text }, 0, 50);

        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task TheOwnEntriesRestrictionWinsOverEveryOtherCriterion()
    {
        var own = await _query.PageAsync(new AuditFilter { OnlyByUserId = "user-alice" }, 0, 50);
        var someoneElse = await _query.PageAsync(new AuditFilter { OnlyByUserId = "user-alice", ActorUserId = "user-bob" }, 0, 50);
        var narrowed = await _query.PageAsync(new AuditFilter { OnlyByUserId = "user-alice", Action = "follower", Channel = AuditChannel.Web }, 0, 50);

        Assert.Equal(3, own.TotalCount);
        Assert.All(own.Items, e => Assert.Equal("user-alice", e.ActorUserId));
        Assert.Equal(0, someoneElse.TotalCount);
        Assert.Equal(["follower.updated"], narrowed.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task CombinesEveryCriterion()
    {
        var filter = new AuditFilter { FromUtc = At(0), ToUtc = At(10), ActorUserId = "user-alice", Channel = AuditChannel.Web, Action = "follower", CopyGroupId = 1, AccountId = 20, Text = "multiplier" };

        var entry = Assert.Single((await _query.PageAsync(filter, 0, 50)).Items);

        Assert.Equal(("follower.updated", "Multiplier 1 → 2"), (entry.Action, entry.Details));
    }

    [Fact]
    public async Task ListsEachUserOnceByTheLatestNameTheyActedUnder()
    {
        await InsertAsync(Entry(8, Bob with { Name = "robert@example.com" }, "group.updated", "Group 'Gold'", ""));

        var actors = await _query.ActorsAsync();

        Assert.Equal([new AuditActorOption("user-alice", "alice@example.com"), new AuditActorOption("user-bob", "robert@example.com")], actors);
    }

    [Theory]
    [InlineData("follower enabled")]
    [InlineData("follower;drop")]
    public async Task RefusesAnActionThatIsNotACode(string action)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _query.PageAsync(new AuditFilter { Action = action }, 0, 10));

        Assert.Contains($"'{action}' is not an action such as follower.enabled or a category such as follower.", error.Message);
    }

    [Fact]
    public async Task RefusesFromAfterToAndTooLongText()
    {
        var range = await Assert.ThrowsAsync<ArgumentException>(() => _query.PageAsync(new AuditFilter { FromUtc = At(5), ToUtc = At(1) }, 0, 10));
        var text = await Assert.ThrowsAsync<ArgumentException>(() => _query.PageAsync(new AuditFilter { Text = new string('x', 201) }, 0, 10));

        Assert.Contains("'From' (2026-11-23 14:00:05 UTC) is after 'To' (2026-11-23 14:00:01 UTC).", range.Message);
        Assert.Contains("Search text has at most 200 characters.", text.Message);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, AuditTrailQuery.MaxPageSize + 1)]
    public async Task RefusesPagesOutOfRange(int page, int size) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _query.PageAsync(AuditFilter.All, page, size));

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    private static AuditEntry Entry(double seconds, Actor actor, string action, string subject, string details, int? group = null, int? account = null) =>
        new(At(seconds), actor, new AuditRecord(action, subject, details) { CopyGroupId = group, AccountId = account });

    private async Task InsertAsync(params AuditEntry[] entries)
    {
        await using var db = _db.CreateDbContext();
        foreach (var entry in entries)
        {
            db.AuditTrail.Add(entry);
            await db.SaveChangesAsync(); // one by one: ids follow the order given
        }
    }
}

public sealed class SqliteAuditTrailQueryTests : AuditTrailQueryTests<SqliteCopyLogDatabase>;

public sealed class PostgresAuditTrailQueryTests : AuditTrailQueryTests<PostgresCopyLogDatabase>;
