using CopyTrader.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopyTrader.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // No foreign keys: deleting a group, an account or a user keeps its history.
        b.ToTable("AuditTrail");
        b.Property(e => e.ActorUserId).HasMaxLength(AuditEntry.ActorUserIdMaxLength);
        b.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength).IsRequired();
        b.Property(e => e.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength).IsRequired();
        b.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength).IsRequired();
        b.HasIndex(e => e.OccurredUnixMs);
        b.HasIndex(e => new { e.ActorUserId, e.OccurredUnixMs });
        b.HasIndex(e => e.Action);
        b.HasIndex(e => e.CopyGroupId);
    }
}
