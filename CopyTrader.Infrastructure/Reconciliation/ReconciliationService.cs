using CopyTrader.Domain;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Reconciliation;

public interface IReconciliationService
{
    /// <summary>The latest report: drift per follower and contract, and followers that could not be read.</summary>
    ReconciliationReport Latest { get; }

    event Action<ReconciliationReport>? Reconciled;

    /// <summary>Compares every follower with its leader; repairs drift in groups with auto-sync on.</summary>
    Task<ReconciliationReport> ReconcileAsync(CancellationToken ct = default);

    /// <summary>Repairs one follower's drift now, with the smallest order per contract; a user's action, so it is recorded in the audit trail.</summary>
    Task<IReadOnlyList<SyncResult>> SyncFollowerAsync(int followerId, CancellationToken ct = default);
}

/// <summary>
/// Reads each follower's positions from its broker and compares them with what mirrors the leader
/// (<see cref="Reconciler"/>). Each group runs in its leader's copy queue, so a copy in flight is never
/// mistaken for drift. Runs on a schedule, after every (re)connect, and on demand.
/// </summary>
internal sealed class ReconciliationService(
    ICopyConfigStore config,
    ILeaderMonitorHub hub,
    LeaderWorkQueues queues,
    FollowerPositionBook expected,
    FollowerBrokerCall brokerCall,
    ICopyLogSink copyLog,
    IAuditTrail audit,
    InstrumentCatalog catalog,
    TimeProvider clock,
    IOptions<CopyOptions> options,
    ILogger<ReconciliationService> logger) : IHostedService, IReconciliationService
{
    private readonly Reconciler _reconciler = new(catalog, options.Value.SkipFollowersWithWebhookOrders);
    private volatile ReconciliationReport _latest = ReconciliationReport.None;

    public ReconciliationReport Latest => _latest;

    public event Action<ReconciliationReport>? Reconciled;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        hub.SnapshotCompleted += OnSnapshotCompleted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        hub.SnapshotCompleted -= OnSnapshotCompleted;
        return Task.CompletedTask;
    }

    private void OnSnapshotCompleted(IReadOnlyCollection<int> accounts) => _ = Task.Run(async () =>
    {
        try
        {
            await ReconcileAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reconciliation after a connect failed");
        }
    });

    public async Task<ReconciliationReport> ReconcileAsync(CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var perGroup = await Task.WhenAll(snapshot.Groups.Select(group => RunInQueue(group, () => CheckGroupAsync(snapshot, group, repair: group.AutoSync, onlyFollower: null, ct))));
        var report = new ReconciliationReport(
            clock.GetUtcNow(),
            perGroup.SelectMany(g => g.Drifts).ToList(),
            perGroup.SelectMany(g => g.Failures).ToList(),
            perGroup.SelectMany(g => g.Repairs).ToList());
        Publish(report);
        return report;
    }

    public async Task<IReadOnlyList<SyncResult>> SyncFollowerAsync(int followerId, CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var group = snapshot.Groups.FirstOrDefault(g => g.Followers.Any(f => f.Id == followerId))
            ?? throw new CopyTraderDomainException($"Follower {followerId} does not exist.");
        var accountId = group.Followers.First(f => f.Id == followerId).AccountId;
        var subject = AuditSubjects.Follower(snapshot.Account(accountId)?.DisplayName ?? $"#{accountId}", group.Name);
        AuditRecord Record(string details) => new(AuditActions.SyncFollower, subject, details) { CopyGroupId = group.Id, AccountId = accountId };
        var result = await audit.AuditedAsync(
            () => RunInQueue(group, () => CheckGroupAsync(snapshot, group, repair: true, onlyFollower: followerId, ct)),
            r => Record(r.Failures.Count > 0 ? $"Not synced: {r.Failures[0].Reason}" : AuditOutcomes.Sync(r.Repairs)),
            Record,
            logger);
        if (result.Failures.Count > 0)
        {
            throw new CopyTraderDomainException($"Cannot sync: {result.Failures[0].Reason}");
        }

        Publish(_latest with
        {
            Drifts = _latest.Drifts.Where(d => d.FollowerId != followerId).Concat(result.Drifts).ToList(),
            Repairs = result.Repairs,
        });
        return result.Repairs;
    }

    private Task<ReconciliationReport> RunInQueue(CopyGroupSnapshot group, Func<Task<ReconciliationReport>> work) =>
        queues.RunAsync(group.LeaderAccountId, work);

    private async Task<ReconciliationReport> CheckGroupAsync(CopyConfigSnapshot snapshot, CopyGroupSnapshot group, bool repair, int? onlyFollower, CancellationToken ct)
    {
        var leader = hub.LeaderPositions(group.LeaderAccountId);
        var map = snapshot.ContractMapFor(group);
        var drifts = new List<FollowerDrift>();
        var failures = new List<FollowerReadFailure>();
        var repairs = new List<SyncResult>();
        foreach (var follower in group.Followers.Where(f => onlyFollower is null || f.Id == onlyFollower))
        {
            var account = snapshot.Account(follower.AccountId);
            var connector = hub.ConnectorFor(follower.AccountId);
            if (account is null || connector is null)
            {
                failures.Add(new FollowerReadFailure(group.Id, follower.Id, follower.AccountId, BrokerConnectionText.NotConnected(account?.DisplayName ?? $"#{follower.AccountId}")));
                continue;
            }

            IReadOnlyList<BrokerPosition> positions;
            try
            {
                positions = await connector.GetPositionsAsync(account.ExternalId, ct);
            }
            catch (Exception ex)
            {
                failures.Add(new FollowerReadFailure(group.Id, follower.Id, follower.AccountId, $"Reading positions of '{account.DisplayName}' failed: {ex.Message}"));
                continue;
            }

            var found = _reconciler.Compare(group, map, leader, follower, positions.ToDictionary(p => p.Symbol, p => p.Quantity, StringComparer.OrdinalIgnoreCase));
            foreach (var drift in found)
            {
                if (repair)
                {
                    repairs.Add(await RepairAsync(group, account, connector, drift, ct));
                }
                else
                {
                    drifts.Add(drift);
                }
            }
        }

        drifts.AddRange(repairs.Where(r => r.Outcome != CopyOutcome.Accepted).Select(r => r.Drift));
        return new ReconciliationReport(clock.GetUtcNow(), drifts, failures, repairs);
    }

    private async Task<SyncResult> RepairAsync(CopyGroupSnapshot group, AccountSnapshot account, IBrokerConnector connector, FollowerDrift drift, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var delta = drift.Expected - drift.Actual;
        var side = SideExtensions.ForDelta(delta);
        var tag = $"{CopyTag.Prefix}SYNC-{drift.FollowerId}-{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        var request = new OrderRequest(account.ExternalId, drift.Symbol, side, Math.Abs(delta), ClientOrderId: tag);
        var answer = await brokerCall.SendAsync(account.ConnectionId, token => connector.PlaceOrderAsync(request, token), ct);
        if (answer.Accepted)
        {
            expected.Set(drift.FollowerId, drift.Symbol, drift.Expected);
        }

        var result = new SyncResult(drift, answer.Outcome, answer.BrokerOrderId, answer.Reason);
        copyLog.Append(new CopyLogEntry(clock.GetUtcNow(), group.Id, group.LeaderAccountId, drift.FollowerId, drift.AccountId, "reconciliation",
            drift.Symbol, drift.Symbol, side, 0, Math.Abs(delta), result.Outcome, clock.GetElapsedTime(started).TotalMilliseconds, tag, result.BrokerOrderId,
            $"Sync: held {drift.Actual}, expected {drift.Expected}." + (result.Reason is null ? "" : $" {result.Reason}")));
        logger.Log(result.Outcome == CopyOutcome.Accepted ? LogLevel.Information : LogLevel.Warning,
            "Sync of follower {FollowerId} {Symbol} {Actual} -> {Expected}: {Outcome} {Reason}", drift.FollowerId, drift.Symbol, drift.Actual, drift.Expected, result.Outcome, result.Reason);
        return result;
    }

    private void Publish(ReconciliationReport report)
    {
        _latest = report;
        foreach (var drift in report.Drifts)
        {
            logger.LogWarning("Drift: follower {FollowerId} holds {Actual} {Symbol}, expected {Expected}", drift.FollowerId, drift.Actual, drift.Symbol, drift.Expected);
        }

        EventRaiser.Raise(Reconciled, report, logger);
    }
}
