using System.Data.Common;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

/// <summary>An existing copy log gets its sortable time from the upgrade, exactly as new rows get it.</summary>
public abstract class CopyLogSortableTimeMigrationTests<TDatabase> : IAsyncLifetime where TDatabase : CopyLogTestDatabase, new()
{
    private static readonly DateTimeOffset[] Times =
    [
        new(2026, 11, 23, 14, 30, 15, TimeSpan.Zero),                                       // no fraction
        new DateTimeOffset(2026, 11, 23, 14, 30, 15, TimeSpan.Zero).AddTicks(5_000_000),    // .5
        new DateTimeOffset(2026, 11, 23, 14, 30, 15, TimeSpan.Zero).AddTicks(1_234_567),    // .1234567: truncated, not rounded
        new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.Zero).AddTicks(9_996_000),    // .9996: stays in the same second
        new(1999, 12, 31, 23, 59, 59, 7, TimeSpan.Zero),
    ];

    private readonly TDatabase _db = new();

    public Task InitializeAsync() => _db.CreateEmptyAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task FillsTheSortableTimeOfEveryExistingEntry()
    {
        await using (var db = _db.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_CopyLogSortableTime", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var time in Times)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "CopyLog" ("CreatedUtc", "CopyGroupId", "LeaderAccountId", "FollowerId", "FollowerAccountId", "LeaderEventId",
                        "LeaderSymbol", "Symbol", "LeaderQuantity", "FollowerQuantity", "Outcome", "LatencyMs")
                    VALUES ({time}, 1, 2, 3, 4, 'SIM-F1', 'NQZ6', 'MNQZ6', 1, 1, 'Accepted', 1.5)
                    """);
            }

            await db.Database.MigrateAsync();
        }

        await using (var db = _db.CreateDbContext())
        {
            var rows = await db.CopyLog.OrderBy(e => e.Id).Select(e => new { e.CreatedUtc, e.CreatedUnixMs }).ToListAsync();
            Assert.Equal(Times.Select(t => t.ToUnixTimeMilliseconds()), rows.Select(r => r.CreatedUnixMs));
            Assert.All(rows, r => Assert.Equal(r.CreatedUtc.ToUnixTimeMilliseconds(), r.CreatedUnixMs));
        }

        var newestFirst = await new CopyLogQuery(_db, new FakeConfigStore(CopyConfigSnapshot.Empty)).PageAsync(CopyLogFilter.All, 0, 10);
        Assert.Equal(Times.OrderByDescending(t => t).Select(t => t.ToUnixTimeMilliseconds()), newestFirst.Items.Select(e => e.CreatedUtc.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task LeavesNoDefaultThatWouldDateAnEntryTo1970()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();

        var insert = () => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CopyLog" ("CreatedUtc", "CopyGroupId", "LeaderAccountId", "FollowerId", "FollowerAccountId", "LeaderEventId",
                "LeaderSymbol", "Symbol", "LeaderQuantity", "FollowerQuantity", "Outcome", "LatencyMs")
            VALUES ({Times[0]}, 1, 2, 3, 4, 'SIM-F1', 'NQZ6', 'MNQZ6', 1, 1, 'Accepted', 1.5)
            """);

        // NOT NULL without a default: a writer that forgets the column fails loudly.
        var error = await Assert.ThrowsAnyAsync<DbException>(insert);
        Assert.Contains("CreatedUnixMs", error.Message);
    }
}

public sealed class SqliteCopyLogSortableTimeMigrationTests : CopyLogSortableTimeMigrationTests<SqliteCopyLogDatabase>;

public sealed class PostgresCopyLogSortableTimeMigrationTests : CopyLogSortableTimeMigrationTests<PostgresCopyLogDatabase>;
