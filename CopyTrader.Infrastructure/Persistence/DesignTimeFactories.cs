using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CopyTrader.Infrastructure.Persistence;

// Used only by `dotnet ef` to scaffold migrations; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCopyTraderDbContext>
{
    public SqliteCopyTraderDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCopyTraderDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCopyTraderDbContext>
{
    public PostgresCopyTraderDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCopyTraderDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
