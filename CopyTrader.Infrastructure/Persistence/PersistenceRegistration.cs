using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Infrastructure.Persistence;

internal static class PersistenceRegistration
{
    public static void AddCopyTraderDatabase(this IServiceCollection services, DatabaseOptions database, StorageOptions storage)
    {
        var connectionString = database.ResolveConnectionString(storage);
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContextFactory<PostgresCopyTraderDbContext>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<CopyTraderDbContext>, ProviderDbContextFactory<PostgresCopyTraderDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteCopyTraderDbContext>(o => o.UseSqlite(connectionString));
            services.AddSingleton<IDbContextFactory<CopyTraderDbContext>, ProviderDbContextFactory<SqliteCopyTraderDbContext>>();
        }

        // Identity's stores take the context per request; everything else uses the factory per operation.
        services.AddScoped<CopyTraderDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContext());
    }
}
