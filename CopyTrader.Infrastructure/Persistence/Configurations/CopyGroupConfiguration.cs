using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class CopyGroupConfiguration : IEntityTypeConfiguration<CopyGroup>
{
    public void Configure(EntityTypeBuilder<CopyGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(CopyGroup.NameMaxLength).IsRequired();
        b.HasIndex(g => g.Name).IsUnique();
        b.HasOne<TradingAccount>().WithMany().HasForeignKey(g => g.LeaderAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Followers).WithOne().HasForeignKey(f => f.CopyGroupId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Followers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
