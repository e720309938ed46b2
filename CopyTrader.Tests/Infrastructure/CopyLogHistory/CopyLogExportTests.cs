using System.Text;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web;
using CsvHelper;
using static CopyTrader.Tests.Infrastructure.CopyLogHistory.CopyLogRows;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

public abstract class CopyLogExportTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    public static readonly string[] Header =
    [
        "Time (UTC)", "Group", "Leader", "Follower", "Leader symbol", "Follower symbol", "Side", "Leader qty", "Follower qty",
        "Outcome", "Latency (ms)", "Broker order id", "Client order id", "Reason",
    ];

    /// <summary>Account 22 and group 3 were deleted since their copies.</summary>
    public static readonly CopyConfigSnapshot Names = new(
        [],
        [new AccountSnapshot(10, 1, "L-1", "Leader A"), new AccountSnapshot(11, 1, "L-2", "Leader B"), new AccountSnapshot(20, 1, "F-1", "Follower X"),
            new AccountSnapshot(21, 1, "F-2", "Follower, \"Y\"")],
        [new CopyGroupSnapshot(1, "Main", 10, true, []), new CopyGroupSnapshot(2, "Gold", 11, true, [])],
        []);

    private readonly TDatabase _db = new();
    private ICopyLogQuery _query = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _query = new CopyLogQuery(_db, new FakeConfigStore(Names));
        await _db.InsertAsync(
            Entry(0.25, group: 1, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Accepted, 12.3456),
            Entry(1, group: 1, followerAccount: 21, "ESZ6", "MESZ6", CopyOutcome.Rejected, 30, "=HYPERLINK(\"http://x\") margin"),
            Entry(2, group: 2, followerAccount: 22, "GCZ6", "MGCZ6", CopyOutcome.Skipped, 0.5, "Follower is disabled.\nSecond line", leaderAccount: 11),
            Entry(3, group: 3, followerAccount: 20, "NQZ6", "MNQZ6", CopyOutcome.Failed, 5000, "Timed out"));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task WritesAHeaderAndEveryMatchingEntryNewestFirst()
    {
        var (count, rows, header) = await ExportAsync(CopyLogFilter.All);

        Assert.Equal(Header, header);
        Assert.Equal(4, count);
        Assert.Equal(["2026-11-23T14:00:03.000Z", "2026-11-23T14:00:02.000Z", "2026-11-23T14:00:01.000Z", "2026-11-23T14:00:00.250Z"], rows.Select(r => r[0]));
    }

    [Fact]
    public async Task WritesNamesQuantitiesAndTheBrokersWords()
    {
        var (_, rows, _) = await ExportAsync(CopyLogFilter.All);

        Assert.Equal(["2026-11-23T14:00:00.250Z", "Main", "Leader A", "Follower X", "NQZ6", "MNQZ6", "Buy", "2", "4", "Accepted", "12.346", "SIM-O0.25", "CT-0.25", ""], rows[3]);
        Assert.Equal(["Gold", "Leader B", "#22", "", "0", "Skipped", "0.5", "Follower is disabled.\nSecond line"], new[] { 1, 2, 3, 6, 8, 9, 10, 13 }.Select(i => rows[1][i]));
        Assert.Equal(("#3", "Timed out"), (rows[0][1], rows[0][13]));
    }

    [Fact]
    public async Task QuotesSeparatorsAndDefusesSpreadsheetFormulas()
    {
        var (_, rows, _) = await ExportAsync(new CopyLogFilter { Outcome = CopyOutcome.Rejected });

        var row = Assert.Single(rows);
        Assert.Equal("Follower, \"Y\"", row[3]);
        Assert.Equal("'=HYPERLINK(\"http://x\") margin", row[13]);
    }

    [Fact]
    public async Task ExportsOnlyWhatTheFilterMatches()
    {
        var (count, rows, _) = await ExportAsync(new CopyLogFilter { FromUtc = At(1), ToUtc = At(3), Symbol = "m" });

        Assert.Equal(2, count);
        Assert.Equal(["MGCZ6", "MESZ6"], rows.Select(r => r[5]));
    }

    [Fact]
    public async Task RefusesAnInvalidFilterBeforeWritingAnything()
    {
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentException>(() => _query.ExportAsync(new CopyLogFilter { FromUtc = At(2), ToUtc = At(1) }, output));

        Assert.Equal(0, output.Length);
    }

    private async Task<(int Count, List<string[]> Rows, string[] Header)> ExportAsync(CopyLogFilter filter)
    {
        using var output = new MemoryStream();
        var count = await _query.ExportAsync(filter, output);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), output.ToArray()[..3]); // Excel reads it as UTF-8
        output.Position = 0;
        using var csv = CsvReader.FromText(await new StreamReader(output).ReadToEndAsync());
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray());
        }

        return (count, rows, csv.Headers.ToArray());
    }
}

public sealed class SqliteCopyLogExportTests : CopyLogExportTests<SqliteCopyLogDatabase>;

public sealed class PostgresCopyLogExportTests : CopyLogExportTests<PostgresCopyLogDatabase>;
