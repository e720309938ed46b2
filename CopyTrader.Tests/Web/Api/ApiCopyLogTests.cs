using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Web.Api.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>GET /api/v1/copy-log: real rows in the app's SQLite database, filtered and paged newest first.</summary>
public sealed class ApiCopyLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private const int DeletedGroupId = 999;

    private ApiHost _host = default!;
    private HttpClient _api = default!;
    private CopyGroupSnapshot _group = default!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _api = _host.Client;
        _group = _host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PagesRunNewestFirstAndCarryTheTotal()
    {
        await InsertSixAsync();

        var first = await PageAsync("pageSize=2");
        var second = await PageAsync("pageSize=2&page=2");
        var third = await PageAsync("pageSize=2&page=3");
        var past = await PageAsync("pageSize=2&page=4");

        Assert.Equal([90, 4], Seconds(first));
        Assert.Equal((1, 2, 6), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal([3, 2], Seconds(second));
        Assert.Equal([1, 0], Seconds(third));
        Assert.Empty(Seconds(past));
        Assert.Equal((4, 6), (past.GetProperty("page").GetInt32(), past.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task WithoutPagingTheFirstFiftyComeBack()
    {
        await InsertAsync(Enumerable.Range(0, 55).Select(s => Entry(s, _group.Id, _group.Followers[0], "NQZ6", "MNQZ6", CopyOutcome.Accepted)).ToArray());

        var page = await PageAsync("");

        Assert.Equal((1, 50, 55, 50), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(54, Seconds(page)[0]);
    }

    [Fact]
    public async Task AnEntryComesBackWithEveryField()
    {
        await InsertAsync(Entry(2, _group.Id, _group.Followers[0], "NQZ6", "MNQZ6", CopyOutcome.Rejected, "Insufficient margin"));

        var entry = (await PageAsync("")).GetProperty("items")[0];

        Assert.Equal((_group.Id, _group.LeaderAccountId, _group.Followers[0].AccountId, "NQZ6", "MNQZ6", "Buy", "Rejected", "Insufficient margin"),
            (entry.GetProperty("copyGroupId").GetInt32(), entry.GetProperty("leaderAccountId").GetInt32(), entry.GetProperty("followerAccountId").GetInt32(),
                entry.GetProperty("leaderSymbol").GetString(), entry.GetProperty("symbol").GetString(), entry.GetProperty("side").GetString(),
                entry.GetProperty("outcome").GetString(), entry.GetProperty("reason").GetString()));
        Assert.Equal(Start.AddSeconds(2), entry.GetProperty("createdUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheFarthestPageThatCanBeAskedForIsAnEmptyPageNotAnError()
    {
        await InsertSixAsync();

        var page = await PageAsync("pageSize=500&page=4294968");

        Assert.Equal((0, 6), (page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32()));
    }

    [Theory]
    [InlineData("from=2026-11-23T14:00:00Z&to=2026-11-23T14:01:00Z&followerAccountId={F1}", new[] { 4, 2, 0 })]
    [InlineData("to=2026-11-23T14:00:02Z", new[] { 1, 0 })]
    [InlineData("from=2026-11-23T14:00:04", new[] { 90, 4 })]
    [InlineData("outcome=rejected", new[] { 2 })]
    [InlineData("symbol=es", new[] { 3 })]
    [InlineData("symbol=MES", new[] { 3 })]
    [InlineData("groupId={Deleted}", new[] { 4 })]
    [InlineData("groupId={Group}&symbol=MNQ&outcome=Accepted", new[] { 90, 1, 0 })]
    [InlineData("groupId={Group}&followerAccountId={F1}&pageSize=1&page=2", new[] { 2 })]
    [InlineData("outcome=DryRun", new int[0])]
    public async Task FiltersNarrowTheItemsAndTheTotal(string query, int[] seconds)
    {
        await InsertSixAsync();
        var filled = query.Replace("{F1}", $"{_group.Followers[0].AccountId}").Replace("{Group}", $"{_group.Id}").Replace("{Deleted}", $"{DeletedGroupId}");

        var page = await PageAsync(filled);

        Assert.Equal(seconds, Seconds(page));
        if (!filled.Contains("pageSize", StringComparison.Ordinal))
        {
            Assert.Equal(seconds.Length, page.GetProperty("total").GetInt32());
        }
    }

    [Theory]
    [InlineData("from=yesterday", "from", "'yesterday' is not an ISO 8601 date and time, such as 2026-11-23T14:30:00Z.")]
    [InlineData("from=2026-11-23T15:00:00Z&to=2026-11-23T14:00:00Z", "from", "'From' (2026-11-23 15:00:00 UTC) is after 'To' (2026-11-23 14:00:00 UTC).")]
    [InlineData("to=soon", "to", "'soon' is not an ISO 8601 date and time, such as 2026-11-23T15:00:00Z.")]
    [InlineData("groupId=abc", "groupId", "'abc' is not a copy group id.")]
    [InlineData("followerAccountId=1&followerAccountId=2", "followerAccountId", "Give 'followerAccountId' once, not 2 times.")]
    [InlineData("outcome=Lost", "outcome", "'Lost' is not one of Accepted, Rejected, Skipped, Failed, DryRun.")]
    [InlineData("symbol=ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNO", "symbol", "A symbol has at most 40 characters.")]
    [InlineData("page=0", "page", "The page is a whole number from 1 to 42949673 (got '0').")]
    [InlineData("page=lots", "page", "The page is a whole number from 1 to 42949673 (got 'lots').")]
    [InlineData("pageSize=500&page=4294969", "page", "The page is a whole number from 1 to 4294968 (got '4294969').")]
    [InlineData("pageSize=1&page=0", "page", "The page is a whole number from 1 to 2147483647 (got '0').")]
    [InlineData("page=99999999999", "page", "The page is a whole number from 1 to 42949673 (got '99999999999').")]
    [InlineData("pageSize=501", "pageSize", "The page size is a whole number from 1 to 500 (got '501').")]
    [InlineData("pageSize=-1", "pageSize", "The page size is a whole number from 1 to 500 (got '-1').")]
    public async Task AnInvalidParameterIs400WithAFieldErrorNamedAfterIt(string query, string parameter, string message)
    {
        var problem = await (await _api.GetAsync($"/api/v1/copy-log?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], problem.FieldErrors(parameter));
        Assert.Equal("Some fields are not valid", problem.GetProperty("title").GetString());
    }

    [Fact]
    public void TheLargestPageSizeIsTheQuerysOwnLimit() => Assert.Equal(CopyLogQuery.MaxPageSize, CopyLogPaging.MaxPageSize);

    [Fact]
    public async Task EveryBadParameterIsNamedAtOnce()
    {
        var problem = await (await _api.GetAsync("/api/v1/copy-log?groupId=x&outcome=Lost&page=0&pageSize=0")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["groupId", "outcome", "page", "pageSize"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Seconds 0, 1, 2 (rejected), 3 (ES → MES, skipped), 4 (a group deleted since) and 90, all within the demo group unless said.</summary>
    private Task InsertSixAsync()
    {
        var (f1, f2, f3) = (_group.Followers[0], _group.Followers[1], _group.Followers[2]);
        return InsertAsync(
            Entry(0, _group.Id, f1, "NQZ6", "MNQZ6", CopyOutcome.Accepted),
            Entry(1, _group.Id, f2, "NQZ6", "MNQZ6", CopyOutcome.Accepted),
            Entry(2, _group.Id, f1, "NQZ6", "MNQZ6", CopyOutcome.Rejected, "Insufficient margin"),
            Entry(3, _group.Id, f3, "ESZ6", "MESZ6", CopyOutcome.Skipped, "ES is blocked for this follower"),
            Entry(4, DeletedGroupId, f1, "NQZ6", "MNQZ6", CopyOutcome.Accepted),
            Entry(90, _group.Id, f1, "NQZ6", "MNQZ6", CopyOutcome.Accepted));
    }

    private async Task InsertAsync(params CopyLogEntry[] entries)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync();
        await CopyLogInsert.InsertAsync(db, entries, CancellationToken.None);
    }

    private async Task<JsonElement> PageAsync(string query) => await (await _api.GetAsync($"/api/v1/copy-log?{query}")).ExpectAsync(HttpStatusCode.OK);

    private static int[] Seconds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => (int)(e.GetProperty("createdUtc").GetDateTimeOffset() - Start).TotalSeconds).ToArray();

    private CopyLogEntry Entry(int seconds, int groupId, FollowerSnapshot follower, string leaderSymbol, string symbol, CopyOutcome outcome, string? reason = null) =>
        new(Start.AddSeconds(seconds), groupId, _group.LeaderAccountId, follower.Id, follower.AccountId, $"SIM-F{seconds}", leaderSymbol, symbol,
            outcome is CopyOutcome.Skipped ? null : Side.Buy, 1, outcome is CopyOutcome.Skipped ? 0 : 1, outcome, 12.5, $"CT-{seconds}", null, reason);
}
