using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class TradingAccountConfiguration : IEntityTypeConfiguration<TradingAccount>
{
    public void Configure(EntityTypeBuilder<TradingAccount> b)
    {
        b.Property(a => a.ExternalId).HasMaxLength(TradingAccount.ExternalIdMaxLength).IsRequired();
        b.Property(a => a.DisplayName).HasMaxLength(TradingAccount.NameMaxLength).IsRequired();
        b.HasOne<BrokerConnection>().WithMany().HasForeignKey(a => a.BrokerConnectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.BrokerConnectionId, a.ExternalId }).IsUnique();
    }
}
