using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class FollowerConfiguration : IEntityTypeConfiguration<Follower>
{
    public void Configure(EntityTypeBuilder<Follower> b)
    {
        b.Property(f => f.Multiplier).HasPrecision(18, 6);
        // A follower always points at an account that exists (the seed's orphaned-follower pitfall).
        b.HasOne<TradingAccount>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.CopyGroupId, f.AccountId }).IsUnique();
    }
}
