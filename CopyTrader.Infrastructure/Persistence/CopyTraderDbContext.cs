using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Persistence;

/// <summary>
/// The one context. Each provider has a thin subclass owning its migration set
/// (<see cref="SqliteCopyTraderDbContext"/>, <see cref="PostgresCopyTraderDbContext"/>). Add a migration with
/// <c>dotnet ef migrations add NAME -p CopyTrader.Infrastructure --context SqliteCopyTraderDbContext -o Persistence/Migrations/Sqlite</c>
/// and the same with <c>PostgresCopyTraderDbContext</c> / <c>Persistence/Migrations/Postgres</c>.
/// </summary>
public abstract class CopyTraderDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<BrokerConnection> BrokerConnections => Set<BrokerConnection>();
    public DbSet<TradingAccount> TradingAccounts => Set<TradingAccount>();
    public DbSet<CopyGroup> CopyGroups => Set<CopyGroup>();
    public DbSet<Follower> Followers => Set<Follower>();
    public DbSet<ContractMapEntry> ContractMaps => Set<ContractMapEntry>();
    public DbSet<CopyLogEntry> CopyLog => Set<CopyLogEntry>();
    public DbSet<ProcessedLeaderFill> ProcessedLeaderFills => Set<ProcessedLeaderFill>();
    public DbSet<StoredOrderBook> OrderBooks => Set<StoredOrderBook>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CopyTraderDbContext).Assembly);
    }
}

public sealed class SqliteCopyTraderDbContext(DbContextOptions<SqliteCopyTraderDbContext> options) : CopyTraderDbContext(options);

public sealed class PostgresCopyTraderDbContext(DbContextOptions<PostgresCopyTraderDbContext> options) : CopyTraderDbContext(options);
