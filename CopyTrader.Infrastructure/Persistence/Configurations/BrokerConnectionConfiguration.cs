using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class BrokerConnectionConfiguration : IEntityTypeConfiguration<BrokerConnection>
{
    public void Configure(EntityTypeBuilder<BrokerConnection> b)
    {
        b.Property(c => c.Name).HasMaxLength(BrokerConnection.NameMaxLength).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ProtectedCredentials).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.OwnerUserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
