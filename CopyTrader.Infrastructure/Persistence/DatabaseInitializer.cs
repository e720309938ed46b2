using CopyTrader.Infrastructure.Users;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Persistence;

/// <summary>
/// Runs before everything else at startup: applies migrations, makes sure the roles exist, seeds the demo
/// on a fresh database, and loads the copy configuration the hub and engine start from.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    ICopyConfigStore config,
    FillLedger ledger,
    OrderBookStore orderBooks,
    IOptions<DemoOptions> demo,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);

            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in UserRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            if (demo.Value.SeedOnFirstRun && await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(db, cancellationToken))
            {
                logger.LogInformation("Seeded the Simulator demo: one leader and three followers");
            }
        }

        await ledger.LoadAsync(cancellationToken);
        await orderBooks.LoadAsync(cancellationToken);
        await config.ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
