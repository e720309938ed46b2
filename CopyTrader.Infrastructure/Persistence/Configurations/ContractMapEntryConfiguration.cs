using CopyTrader.Domain.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class ContractMapEntryConfiguration : IEntityTypeConfiguration<ContractMapEntry>
{
    public void Configure(EntityTypeBuilder<ContractMapEntry> b)
    {
        b.ToTable("ContractMaps");
        b.Property(m => m.SourceRoot).HasMaxLength(ContractMapEntry.RootMaxLength).IsRequired();
        b.Property(m => m.TargetRoot).HasMaxLength(ContractMapEntry.RootMaxLength).IsRequired();
        b.Property(m => m.Ratio).HasPrecision(18, 6);
        b.HasOne<CopyGroup>().WithMany().HasForeignKey(m => m.CopyGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.CopyGroupId, m.SourceRoot }).IsUnique();
    }
}
