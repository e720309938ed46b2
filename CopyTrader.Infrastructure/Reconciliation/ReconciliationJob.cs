using Quartz;

namespace CopyTrader.Infrastructure.Reconciliation;

/// <summary>The periodic reconciliation (Copy:ReconcileIntervalSeconds); one run at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class ReconciliationJob(IReconciliationService reconciliation) : IJob
{
    public static readonly JobKey Key = new("reconciliation");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reconciliation.ReconcileAsync(cancellationToken);
}
