using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the common <see cref="CopyTraderDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CopyTraderDbContext>
    where TContext : CopyTraderDbContext
{
    public CopyTraderDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<CopyTraderDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
