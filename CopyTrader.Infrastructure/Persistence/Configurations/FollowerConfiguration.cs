using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class FollowerConfiguration : IEntityTypeConfiguration<Follower>
{
    public void Configure(EntityTypeBuilder<Follower> b)
    {
        b.Ignore(f => f.Rule);
        b.Property(f => f.Multiplier).HasPrecision(18, 6);
        b.Property(f => f.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Rounding).HasConversion<string>().HasMaxLength(20);
        // No column defaults that change behaviour: a copied row states every rule explicitly (seed pitfall 26).
        b.Property(f => f.MaxPosition);

        // Risk limits: nullable without defaults, so null stays "no limit" and 0 stays a limit.
        b.Ignore(f => f.RiskLimits);
        b.Property(f => f.DailyLossLimit).HasPrecision(18, 2);
        b.Property(f => f.MaxContractsPerOrder);
        b.Property(f => f.CopyWindowStart);
        b.Property(f => f.CopyWindowEnd);
        b.Property<List<string>>("_blockedRoots").HasColumnName("BlockedRoots");
        b.Ignore(f => f.BlockedRoots);
        b.OwnsMany(f => f.SymbolMultipliers, m =>
        {
            m.ToTable("FollowerSymbolMultipliers");
            m.WithOwner().HasForeignKey("FollowerId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.Property(x => x.Root).HasMaxLength(ContractMapEntry.RootMaxLength).IsRequired();
            m.Property(x => x.Multiplier).HasPrecision(18, 6);
            m.HasIndex("FollowerId", nameof(SymbolMultiplier.Root)).IsUnique();
        });
        b.Navigation(f => f.SymbolMultipliers).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A follower always points at an account that exists (the seed's orphaned-follower pitfall).
        b.HasOne<TradingAccount>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.CopyGroupId, f.AccountId }).IsUnique();
    }
}
