using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CopyTrader.Tests.Infrastructure.Persistence;

/// <summary>The same round trip on each provider, through that provider's own migrations.</summary>
public abstract class DatabaseRoundTripTests : IAsyncLifetime
{
    protected abstract Task<CopyTraderDbContext> CreateContextAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MigrationsMatchTheModel()
    {
        await using var db = await CreateContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: add one for both providers (see CopyTraderDbContext).");
    }

    [Fact]
    public async Task StoresAndReadsBackConfigurationAndCopyLog()
    {
        var createdUtc = new DateTimeOffset(2026, 11, 23, 14, 30, 15, 123, TimeSpan.Zero);
        int groupId;
        await using (var db = await MigratedAsync())
        {
            var connection = new BrokerConnection("Sim", BrokerKind.Simulator, "protected-blob", createdUtc);
            db.BrokerConnections.Add(connection);
            await db.SaveChangesAsync();
            var leader = new TradingAccount(connection.Id, "L1", "Leader");
            var follower = new TradingAccount(connection.Id, "F1", "Follower");
            db.TradingAccounts.AddRange(leader, follower);
            await db.SaveChangesAsync();
            var group = new CopyGroup("Main", leader.Id, autoCopyEnabled: true);
            group.AddFollower(follower.Id, 0.5m).SetEnabled(false);
            db.CopyGroups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
            db.CopyLog.Add(new CopyLogEntry(createdUtc, group.Id, leader.Id, group.Followers.Single().Id, follower.Id, "SIM-F1", "NQZ6", "MNQZ6",
                Side.Sell, 3, 2, CopyOutcome.Rejected, 12.5, "CT-ABC-1", null, "Insufficient margin"));
            await db.SaveChangesAsync();
        }

        await using (var db = await CreateContextAsync())
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleAsync(g => g.Id == groupId);
            var follower = Assert.Single(group.Followers);
            Assert.Equal(0.5m, follower.Multiplier);
            Assert.False(follower.Enabled);
            Assert.True(group.AutoCopyEnabled);

            var connection = await db.BrokerConnections.SingleAsync();
            Assert.Equal((BrokerKind.Simulator, "protected-blob", createdUtc), (connection.Kind, connection.ProtectedCredentials, connection.CreatedUtc));

            var entry = await db.CopyLog.SingleAsync();
            Assert.Equal((Side.Sell, 3, 2, CopyOutcome.Rejected, 12.5, "Insufficient margin"),
                (entry.Side!.Value, entry.LeaderQuantity, entry.FollowerQuantity, entry.Outcome, entry.LatencyMs, entry.Reason!));
            Assert.Equal(createdUtc, entry.CreatedUtc);
            Assert.Equal(TimeSpan.Zero, entry.CreatedUtc.Offset);
        }
    }

    [Fact]
    public async Task CopyLogRowsWrittenByTheBulkInsertReadBackThroughEf()
    {
        var createdUtc = new DateTimeOffset(2026, 11, 23, 15, 1, 2, 345, TimeSpan.Zero);
        var written = new[]
        {
            new CopyLogEntry(createdUtc, 1, 2, 3, 4, "SIM-F9", "NQZ6", "MNQZ6", Side.Buy, 1, 10, CopyOutcome.Accepted, 0.25, "CT-X-3", "SIM-O9", null),
            new CopyLogEntry(createdUtc, 1, 2, 5, 6, "SIM-F9", "NQZ6", "MNQZ6", null, 1, 0, CopyOutcome.Skipped, 0.5, null, null, "Follower is disabled."),
        };
        await using (var db = await MigratedAsync())
        {
            await CopyLogInsert.InsertAsync(db, written, CancellationToken.None);
        }

        await using (var db = await CreateContextAsync())
        {
            var rows = await db.CopyLog.OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(written.Select(w => (w.CreatedUtc, w.Side, w.Outcome, w.LatencyMs, w.ClientOrderId, w.Reason, w.Symbol, w.LeaderSymbol, w.FollowerQuantity)),
                rows.Select(r => (r.CreatedUtc, r.Side, r.Outcome, r.LatencyMs, r.ClientOrderId, r.Reason, r.Symbol, r.LeaderSymbol, r.FollowerQuantity)));
        }
    }

    [Fact]
    public async Task RefusesFollowerOfAnAccountThatDoesNotExist()
    {
        await using var db = await MigratedAsync();
        var connection = new BrokerConnection("Sim", BrokerKind.Simulator, "x", DateTimeOffset.UtcNow);
        db.BrokerConnections.Add(connection);
        await db.SaveChangesAsync();
        var leader = new TradingAccount(connection.Id, "L1", "Leader");
        db.TradingAccounts.Add(leader);
        await db.SaveChangesAsync();
        var group = new CopyGroup("Main", leader.Id, autoCopyEnabled: true);
        group.AddFollower(accountId: 999, 1m);
        db.CopyGroups.Add(group);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task UpgradeKeepsExistingFollowersCopyingAsBefore()
    {
        await using (var db = await CreateContextAsync())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First()); // the first release's schema
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "BrokerConnections" ("Name", "Kind", "ProtectedCredentials", "CreatedUtc") VALUES ('Sim', 'Simulator', 'x', '2026-11-01T00:00:00+00:00');
                INSERT INTO "TradingAccounts" ("BrokerConnectionId", "ExternalId", "DisplayName") VALUES (1, 'L', 'Leader'), (1, 'F', 'Follower');
                INSERT INTO "CopyGroups" ("Name", "LeaderAccountId", "AutoCopyEnabled") VALUES ('G', 1, TRUE);
                INSERT INTO "Followers" ("CopyGroupId", "AccountId", "Multiplier", "Enabled") VALUES (1, 2, 2.5, TRUE);
                """);
            await db.Database.MigrateAsync();
        }

        await using (var db = await CreateContextAsync())
        {
            var rule = (await db.Followers.SingleAsync()).Rule;
            Assert.Equal(FollowerRule.Default with { Multiplier = 2.5m }, rule with { SymbolMultipliers = FollowerRule.Default.SymbolMultipliers, BlockedRoots = FollowerRule.Default.BlockedRoots });
            Assert.Empty(rule.SymbolMultipliers);
            Assert.Empty(rule.BlockedRoots);
        }
    }

    private async Task<CopyTraderDbContext> MigratedAsync()
    {
        var db = await CreateContextAsync();
        await db.Database.MigrateAsync();
        return db;
    }
}

public sealed class SqliteRoundTripTests : DatabaseRoundTripTests
{
    private readonly TempDirectory _folder = new();

    protected override Task<CopyTraderDbContext> CreateContextAsync() => Task.FromResult<CopyTraderDbContext>(
        new SqliteCopyTraderDbContext(new DbContextOptionsBuilder<SqliteCopyTraderDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder.Path, "test.db")}").Options));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresRoundTripTests : DatabaseRoundTripTests
{
    private string _connectionString = "";

    public override async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override Task<CopyTraderDbContext> CreateContextAsync() => Task.FromResult<CopyTraderDbContext>(
        new PostgresCopyTraderDbContext(new DbContextOptionsBuilder<PostgresCopyTraderDbContext>().UseNpgsql(_connectionString).Options));
}
