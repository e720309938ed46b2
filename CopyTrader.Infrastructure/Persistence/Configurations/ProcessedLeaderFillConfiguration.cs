using CopyTrader.Domain.Copying;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class ProcessedLeaderFillConfiguration : IEntityTypeConfiguration<ProcessedLeaderFill>
{
    public void Configure(EntityTypeBuilder<ProcessedLeaderFill> b)
    {
        b.ToTable("ProcessedLeaderFills");
        b.HasKey(f => new { f.LeaderAccountId, f.FillId });
        b.Property(f => f.FillId).HasMaxLength(ProcessedLeaderFill.FillIdMaxLength);
        b.HasIndex(f => f.ProcessedUtc);
    }
}
