using CopyTrader.Domain.Copying;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class CopyLogEntryConfiguration : IEntityTypeConfiguration<CopyLogEntry>
{
    public void Configure(EntityTypeBuilder<CopyLogEntry> b)
    {
        b.ToTable("CopyLog");
        b.Property(e => e.LeaderEventId).HasMaxLength(100).IsRequired();
        b.Property(e => e.LeaderSymbol).HasMaxLength(40).IsRequired();
        b.Property(e => e.Symbol).HasMaxLength(40).IsRequired();
        b.Property(e => e.Side).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ClientOrderId).HasMaxLength(64);
        b.Property(e => e.BrokerOrderId).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(CopyLogEntry.ReasonMaxLength);
        b.HasIndex(e => e.CreatedUnixMs);
        b.HasIndex(e => e.CopyGroupId);
        b.HasIndex(e => e.LeaderEventId);
    }
}
