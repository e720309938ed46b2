using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Tests.Infrastructure.CopyLogHistory;

/// <summary>A migrated database of one provider; rows go in through the copy log's own bulk insert.</summary>
public abstract class CopyLogTestDatabase : IDbContextFactory<CopyTraderDbContext>, IAsyncLifetime
{
    public abstract CopyTraderDbContext CreateDbContext();

    public async Task InitializeAsync()
    {
        await CreateEmptyAsync();
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    /// <summary>An empty database, for a test that migrates step by step.</summary>
    public virtual Task CreateEmptyAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public async Task InsertAsync(params CopyLogEntry[] entries)
    {
        await using var db = CreateDbContext();
        await CopyLogInsert.InsertAsync(db, entries, CancellationToken.None);
    }
}

public sealed class SqliteCopyLogDatabase : CopyLogTestDatabase
{
    private readonly TempDirectory _folder = new();

    public override CopyTraderDbContext CreateDbContext() =>
        new SqliteCopyTraderDbContext(new DbContextOptionsBuilder<SqliteCopyTraderDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder.Path, "copy-log.db")}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresCopyLogDatabase : CopyLogTestDatabase
{
    private string _connectionString = "";

    public override CopyTraderDbContext CreateDbContext() =>
        new PostgresCopyTraderDbContext(new DbContextOptionsBuilder<PostgresCopyTraderDbContext>().UseNpgsql(_connectionString).Options);

    public override async Task CreateEmptyAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();
}
