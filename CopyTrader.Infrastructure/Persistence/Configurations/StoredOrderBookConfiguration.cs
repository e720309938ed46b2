using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class StoredOrderBookConfiguration : IEntityTypeConfiguration<StoredOrderBook>
{
    public void Configure(EntityTypeBuilder<StoredOrderBook> b)
    {
        b.ToTable("OrderBooks");
        b.HasKey(o => o.LeaderAccountId);
        b.Property(o => o.LeaderAccountId).ValueGeneratedNever();
        b.Property(o => o.Json).IsRequired();
    }
}
