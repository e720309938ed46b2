using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Copies each leader fill to the leader's followers: plans with <see cref="CopyPlanner"/> from the cached
/// configuration, sends every follower's order at once (within each broker login's limits), and logs every
/// outcome through the log sink. All work on one leader goes through its <see cref="LeaderWorkQueues"/> queue.
/// </summary>
internal sealed class CopyEngine(
    ILeaderMonitorHub hub,
    ICopyConfigStore config,
    ICopyLogSink copyLog,
    CopyTagRegistry copyTags,
    FollowerBrokerCall brokerCall,
    OrderMirror orderMirror,
    LeaderWorkQueues queues,
    FollowerPositionBook expected,
    InstrumentCatalog catalog,
    TimeProvider clock,
    IOptions<CopyOptions> options,
    ILogger<CopyEngine> logger) : BackgroundService, ICopyEngine
{
    private readonly CopyPlanner _planner = new(catalog, options.Value.SkipFollowersWithWebhookOrders);
    private HashSet<int> _dryRunGroups = [];
    private CancellationToken _stopping;

    public event Action<CopyLogEntry>? CopyCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        OnConfigChanged(config.Current);
        config.Changed += OnConfigChanged;
        hub.LeaderFillReceived += Enqueue;
        hub.OrderUpdated += OnOrderUpdated;
        orderMirror.Recorded += Publish;
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            hub.LeaderFillReceived -= Enqueue;
            hub.OrderUpdated -= OnOrderUpdated;
            orderMirror.Recorded -= Publish;
            config.Changed -= OnConfigChanged;
        }
    }

    /// <summary>
    /// A group leaving dry run forgets the positions it only pretended to take, so its followers are
    /// sized from what their brokers really hold.
    /// </summary>
    private void OnConfigChanged(CopyConfigSnapshot snapshot)
    {
        var dryRun = snapshot.Groups.Where(g => g.DryRun).Select(g => g.Id).ToHashSet();
        foreach (var group in snapshot.Groups.Where(g => _dryRunGroups.Contains(g.Id) && !g.DryRun))
        {
            expected.Forget(group.Followers.Select(f => f.Id));
        }

        _dryRunGroups = dryRun;
    }

    private void Enqueue(LeaderFill fill) => queues.Post(fill.LeaderAccountId, $"Copying leader fill {fill.EventId}", () => CopyAsync(fill));

    /// <summary>
    /// Order mirroring: a leader's own working orders go to its groups that mirror them; an update of a
    /// follower's copy goes to the group it copies (for bracket/OCO emulation). Both run in the leader's queue.
    /// </summary>
    private void OnOrderUpdated(AccountOrderUpdate update)
    {
        var snapshot = config.Current;
        if (!CopyTag.IsCopyTag(update.Order.ClientOrderId))
        {
            foreach (var group in snapshot.GroupsLedBy(update.AccountId).Where(g => g.MirrorWorkingOrders))
            {
                var run = orderMirror.Prepare(snapshot, group, CurrentPosition);
                queues.Post(group.LeaderAccountId, $"Mirroring leader order {update.Order.BrokerOrderId}", () => orderMirror.OnLeaderOrderAsync(run, update));
            }
        }

        foreach (var group in snapshot.Groups.Where(g => g.MirrorWorkingOrders))
        {
            foreach (var follower in group.Followers.Where(f => f.AccountId == update.AccountId))
            {
                var run = orderMirror.Prepare(snapshot, group, CurrentPosition);
                queues.Post(group.LeaderAccountId, $"Following copy {update.Order.BrokerOrderId}", () => orderMirror.OnFollowerOrderAsync(run, follower, update.Order));
            }
        }
    }

    /// <summary>Copies one leader fill to every group the account leads; completes when every follower has an outcome.</summary>
    public async Task CopyAsync(LeaderFill fill)
    {
        var snapshot = config.Current;
        foreach (var group in snapshot.GroupsLedBy(fill.LeaderAccountId))
        {
            var plans = _planner.Plan(group, snapshot.ContractMapFor(group), fill.Fill.Symbol, fill.NetAfter, CurrentPosition);
            if (group.MirrorWorkingOrders)
            {
                plans = LeaveToCopies(plans, fill);
            }

            await Task.WhenAll(plans.Select(plan => ExecuteAsync(snapshot, group, fill, plan)));
        }

        if (fill.NetAfter == 0)
        {
            orderMirror.ForgetFinished(fill.LeaderAccountId);
        }
    }

    /// <summary>
    /// A follower holding a copy of the order that filled gets its position from that copy's own fill at its
    /// broker; sending a position order as well would fill it twice.
    /// </summary>
    private IReadOnlyList<FollowerPlan> LeaveToCopies(IReadOnlyList<FollowerPlan> plans, LeaderFill fill)
    {
        var withCopy = orderMirror.FollowersWithCopyOf(fill.LeaderAccountId, fill.Fill.BrokerOrderId);
        return plans.Select(plan =>
        {
            if (!plan.SendsOrder || !withCopy.Contains(plan.Follower.Id))
            {
                return plan;
            }

            expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
            return plan with { SkipReason = $"Its copy of leader order {fill.Fill.BrokerOrderId} fills at its own broker." };
        }).ToList();
    }

    private int CurrentPosition(FollowerSnapshot follower, string symbol) =>
        expected.TryGet(follower.Id, symbol, out var position)
            ? position
            : hub.AccountStateOf(follower.AccountId)?.PositionIn(symbol) ?? 0;

    private async Task ExecuteAsync(CopyConfigSnapshot snapshot, CopyGroupSnapshot group, LeaderFill fill, FollowerPlan plan)
    {
        if (!plan.SendsOrder)
        {
            Record(group, fill, plan, CopyOutcome.Skipped, null, null, plan.SkipReason ?? "Nothing to send.");
            return;
        }

        if (group.DryRun)
        {
            expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
            Record(group, fill, plan, CopyOutcome.DryRun, null, null, $"Dry run: would {plan.Side} {plan.Quantity} {plan.Symbol} ({plan.Change}, {plan.CurrentPosition} → {plan.TargetPosition}).");
            return;
        }

        var account = snapshot.Account(plan.Follower.AccountId);
        var connector = hub.ConnectorFor(plan.Follower.AccountId);
        if (account is null || connector is null)
        {
            Record(group, fill, plan, CopyOutcome.Failed, null, null,
                account is null ? $"Follower account {plan.Follower.AccountId} does not exist." : BrokerConnectionText.NotConnected(account.DisplayName));
            return;
        }

        var tag = CopyTag.For(fill.LeaderAccountId, fill.EventId, plan.Follower.Id);
        copyTags.RegisterInFlight(tag);
        var request = new OrderRequest(account.ExternalId, plan.Symbol, plan.Side, plan.Quantity, ClientOrderId: tag);
        var result = await brokerCall.SendAsync(account.ConnectionId, ct => connector.PlaceOrderAsync(request, ct), _stopping);
        if (result.Accepted)
        {
            copyTags.RegisterBrokerOrder(result.BrokerOrderId!);
            expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
        }

        Record(group, fill, plan, result.Outcome, tag, result.BrokerOrderId, result.Reason);
    }

    private void Record(CopyGroupSnapshot group, LeaderFill fill, FollowerPlan plan, CopyOutcome outcome, string? tag, string? brokerOrderId, string? reason)
    {
        var planned = outcome is CopyOutcome.Accepted or CopyOutcome.Rejected or CopyOutcome.DryRun || (outcome == CopyOutcome.Failed && tag is not null);
        var entry = new CopyLogEntry(
            clock.GetUtcNow(), group.Id, fill.LeaderAccountId, plan.Follower.Id, plan.Follower.AccountId, fill.EventId, fill.Fill.Symbol, plan.Symbol,
            planned ? plan.Side : null, fill.Fill.Quantity, planned ? plan.Quantity : 0, outcome,
            clock.GetElapsedTime(fill.ReceivedTimestamp).TotalMilliseconds, tag, brokerOrderId, reason);
        if (outcome is CopyOutcome.Rejected or CopyOutcome.Failed)
        {
            logger.LogWarning("Copy of {FillId} to follower {FollowerId} {Outcome}: {Reason}", fill.EventId, plan.Follower.Id, outcome, reason);
        }

        copyLog.Append(entry);
        Publish(entry);
    }

    private void Publish(CopyLogEntry entry) => EventRaiser.Raise(CopyCompleted, entry, logger);
}
