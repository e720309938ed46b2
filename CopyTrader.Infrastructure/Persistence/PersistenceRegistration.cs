using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Persistence;

/// <summary>
/// Database and key storage, resolved from options when first used (not while registering), so every
/// configuration source, a test host's included, is seen.
/// </summary>
internal static class PersistenceRegistration
{
    public static void AddCopyTraderDatabase(this IServiceCollection services)
    {
        services.AddDbContextFactory<SqliteCopyTraderDbContext>((sp, o) => o.UseSqlite(ConnectionString(sp)).AddInterceptors(new SqlitePragmas()));
        services.AddDbContextFactory<PostgresCopyTraderDbContext>((sp, o) => o.UseNpgsql(ConnectionString(sp)));
        services.AddSingleton<IDbContextFactory<CopyTraderDbContext>>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSQL
                ? new ProviderDbContextFactory<PostgresCopyTraderDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresCopyTraderDbContext>>())
                : new ProviderDbContextFactory<SqliteCopyTraderDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteCopyTraderDbContext>>()));

        // Identity's stores take the context per request; everything else uses the factory per operation.
        services.AddScoped<CopyTraderDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContext());
    }

    /// <summary>Data Protection keys live in the data folder, so credentials stay readable across restarts.</summary>
    public static void PersistKeysInDataFolder(this IServiceCollection services) =>
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeysPath), loggers));

    private static string ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString(sp.GetRequiredService<IOptions<StorageOptions>>().Value);
}
