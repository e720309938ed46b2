namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// What a service reports to the audit trail; the trail adds who (the <see cref="CurrentActor"/>) and when.
/// <see cref="CopyGroupId"/> and <see cref="AccountId"/> let the trail page filter by them.
/// </summary>
public sealed record AuditRecord(string Action, string Subject, string Details)
{
    public int? CopyGroupId { get; init; }

    public int? AccountId { get; init; }
}
