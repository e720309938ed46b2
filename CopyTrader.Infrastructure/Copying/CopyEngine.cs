using System.Collections.Concurrent;
using System.Threading.Channels;
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
/// outcome through the log sink. Work on one leader — its fills, and flattens of its group — runs one item
/// at a time in arrival order; different leaders do not wait for each other.
/// </summary>
internal sealed class CopyEngine(
    ILeaderMonitorHub hub,
    ICopyConfigStore config,
    ICopyLogSink copyLog,
    CopyTagRegistry copyTags,
    FollowerBrokerCall brokerCall,
    OrderMirror orderMirror,
    InstrumentCatalog catalog,
    TimeProvider clock,
    IOptions<CopyOptions> options,
    ILogger<CopyEngine> logger) : BackgroundService, ICopyEngine
{
    private readonly ConcurrentDictionary<int, Channel<Func<Task>>> _queues = new();
    private readonly FollowerPositionBook _expected = new();
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
            _expected.Forget(group.Followers.Select(f => f.Id));
        }

        _dryRunGroups = dryRun;
    }

    private void Enqueue(LeaderFill fill) => Queue(fill.LeaderAccountId).Writer.TryWrite(async () =>
    {
        try
        {
            await CopyAsync(fill);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Copying leader fill {FillId} of account {AccountId} failed", fill.EventId, fill.LeaderAccountId);
        }
    });

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
                Guarded(group.LeaderAccountId, () => orderMirror.OnLeaderOrderAsync(run, update), $"leader order {update.Order.BrokerOrderId}");
            }
        }

        foreach (var group in snapshot.Groups.Where(g => g.MirrorWorkingOrders))
        {
            foreach (var follower in group.Followers.Where(f => f.AccountId == update.AccountId))
            {
                var run = orderMirror.Prepare(snapshot, group, CurrentPosition);
                Guarded(group.LeaderAccountId, () => orderMirror.OnFollowerOrderAsync(run, follower, update.Order), $"follower order {update.Order.BrokerOrderId}");
            }
        }
    }

    private void Guarded(int leaderAccountId, Func<Task> work, string what) => Queue(leaderAccountId).Writer.TryWrite(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Order mirroring of {What} for leader {AccountId} failed", what, leaderAccountId);
        }
    });

    /// <summary>Runs work in the leader's queue, after the fills already queued and before later ones.</summary>
    public Task RunInLeaderQueueAsync(int leaderAccountId, Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue(leaderAccountId).Writer.TryWrite(async () =>
        {
            try
            {
                await work();
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        });
        return done.Task;
    }

    /// <summary>Records what a follower holds after an action outside copying (a flatten).</summary>
    public void SetExpectedPosition(int followerId, string symbol, int position) => _expected.Set(followerId, symbol, position);

    private Channel<Func<Task>> Queue(int leaderAccountId) => _queues.GetOrAdd(leaderAccountId, newLeader =>
    {
        var channel = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(() => ConsumeAsync(channel.Reader), _stopping);
        return channel;
    });

    private async Task ConsumeAsync(ChannelReader<Func<Task>> reader)
    {
        await foreach (var work in reader.ReadAllAsync(_stopping))
        {
            await work();
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

            _expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
            return plan with { SkipReason = $"Its copy of leader order {fill.Fill.BrokerOrderId} fills at its own broker." };
        }).ToList();
    }

    private int CurrentPosition(FollowerSnapshot follower, string symbol) =>
        _expected.TryGet(follower.Id, symbol, out var expected)
            ? expected
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
            _expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
            Record(group, fill, plan, CopyOutcome.DryRun, null, null, $"Dry run: would {plan.Side} {plan.Quantity} {plan.Symbol} ({plan.Change}, {plan.CurrentPosition} → {plan.TargetPosition}).");
            return;
        }

        var account = snapshot.Account(plan.Follower.AccountId);
        var connector = hub.ConnectorFor(plan.Follower.AccountId);
        if (account is null || connector is null)
        {
            Record(group, fill, plan, CopyOutcome.Failed, null, null,
                account is null ? $"Follower account {plan.Follower.AccountId} does not exist." : $"The broker connection of '{account.DisplayName}' is not connected.");
            return;
        }

        var tag = CopyTag.For(fill.LeaderAccountId, fill.EventId, plan.Follower.Id);
        copyTags.RegisterInFlight(tag);
        var request = new OrderRequest(account.ExternalId, plan.Symbol, plan.Side, plan.Quantity, ClientOrderId: tag);
        var result = await brokerCall.SendAsync(account.ConnectionId, ct => connector.PlaceOrderAsync(request, ct), _stopping);
        if (result.Accepted)
        {
            copyTags.RegisterBrokerOrder(result.BrokerOrderId!);
            _expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
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
