using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CopyTrader.Tests.Infrastructure.Users;

/// <summary>The connection owner column on each provider: existing connections stay admins' only; a deleted owner gives them back.</summary>
public abstract class ConnectionOwnerMigrationTests : IAsyncLifetime
{
    protected abstract CopyTraderDbContext CreateContext();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnUpgradeLeavesExistingConnectionsToAdmins()
    {
        await using (var db = CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_ConnectionOwner", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "BrokerConnections" ("Name", "Kind", "ProtectedCredentials", "CreatedUtc") VALUES ('Sim', 'Simulator', 'x', '2026-11-01T00:00:00+00:00');
                """);
            await db.Database.MigrateAsync();
        }

        await using (var db = CreateContext())
        {
            var connection = await db.BrokerConnections.SingleAsync();
            Assert.Equal(("Sim", null), (connection.Name, connection.OwnerUserId));
        }
    }

    [Fact]
    public async Task DeletingTheOwnerGivesTheConnectionBackToAdmins()
    {
        int connectionId;
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
            var owner = new AppUser { Id = "user-trader", UserName = "trader@example.com" };
            db.Users.Add(owner);
            var connection = new BrokerConnection("Trader's", BrokerKind.Simulator, "x", new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
            connection.AssignOwner(owner.Id);
            db.BrokerConnections.Add(connection);
            await db.SaveChangesAsync();
            connectionId = connection.Id;
        }

        await using (var db = CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AspNetUsers" WHERE "Id" = 'user-trader'""");
        }

        await using (var db = CreateContext())
        {
            Assert.Null((await db.BrokerConnections.SingleAsync(c => c.Id == connectionId)).OwnerUserId);
        }
    }

    [Fact]
    public async Task AnOwnerMustBeAUser()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        var connection = new BrokerConnection("Nobody's", BrokerKind.Simulator, "x", new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        connection.AssignOwner("no-such-user");
        db.BrokerConnections.Add(connection);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

public sealed class SqliteConnectionOwnerMigrationTests : ConnectionOwnerMigrationTests
{
    private readonly TempDirectory _folder = new();

    protected override CopyTraderDbContext CreateContext() =>
        new SqliteCopyTraderDbContext(new DbContextOptionsBuilder<SqliteCopyTraderDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder.Path, "owner.db")}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresConnectionOwnerMigrationTests : ConnectionOwnerMigrationTests
{
    private string _connectionString = "";

    public override async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override CopyTraderDbContext CreateContext() =>
        new PostgresCopyTraderDbContext(new DbContextOptionsBuilder<PostgresCopyTraderDbContext>().UseNpgsql(_connectionString).Options);
}
