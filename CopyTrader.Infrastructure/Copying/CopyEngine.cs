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
    ConnectionThrottle throttle,
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
            await Task.WhenAll(plans.Select(plan => ExecuteAsync(snapshot, group, fill, plan)));
        }
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
        var timeout = TimeSpan.FromSeconds(options.Value.FollowerTimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stopping, timeoutCts.Token);
        try
        {
            using var slot = await throttle.EnterAsync(account.ConnectionId, cts.Token);
            var request = new OrderRequest(account.ExternalId, plan.Symbol, plan.Side, plan.Quantity, ClientOrderId: tag);
            var result = await connector.PlaceOrderAsync(request, cts.Token).WaitAsync(timeout, clock, cts.Token);
            if (result.Accepted)
            {
                copyTags.RegisterBrokerOrder(result.BrokerOrderId!);
                _expected.Set(plan.Follower.Id, plan.Symbol, plan.TargetPosition);
                Record(group, fill, plan, CopyOutcome.Accepted, tag, result.BrokerOrderId, null);
            }
            else
            {
                Record(group, fill, plan, CopyOutcome.Rejected, tag, null, result.RejectReason ?? "The broker rejected the order without a reason.");
            }
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !_stopping.IsCancellationRequested))
        {
            Record(group, fill, plan, CopyOutcome.Failed, tag, null, $"No answer from the broker within {timeout.TotalSeconds:0.#} s; the order may still be working.");
        }
        catch (Exception ex)
        {
            Record(group, fill, plan, CopyOutcome.Failed, tag, null, $"{ex.GetType().Name}: {ex.Message}");
        }
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
        EventRaiser.Raise(CopyCompleted, entry, logger);
    }
}
