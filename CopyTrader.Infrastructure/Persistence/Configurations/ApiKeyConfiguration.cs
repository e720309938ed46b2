using CopyTrader.Infrastructure.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.OwnerUserId).IsRequired();
        b.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixMaxLength).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(ApiKey.HashLength).IsFixedLength().IsRequired();
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => k.OwnerUserId);

        // A user's keys go with the user.
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
