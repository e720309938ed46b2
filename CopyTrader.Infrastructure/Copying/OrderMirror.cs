using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Carries out order mirroring for groups that mirror working orders: the leader's working orders, their
/// modifications and cancels go to every follower's copy through the persisted order book, and follower
/// copies of bracket/OCO legs cancel each other where the broker cannot. Runs in the leader's copy queue.
/// </summary>
internal sealed class OrderMirror(
    ILeaderMonitorHub hub,
    OrderBookStore books,
    FollowerBrokerCall brokerCall,
    CopyTagRegistry copyTags,
    ICopyLogSink copyLog,
    InstrumentCatalog catalog,
    TimeProvider clock,
    IOptions<CopyOptions> options,
    ILogger<OrderMirror> logger)
{
    private static readonly BrokerCapabilities Unknown = new(false, false, false, false, false);
    private readonly OrderMirrorPlanner _planner = new(catalog, options.Value.SkipFollowersWithWebhookOrders);
    private readonly object _gate = new();

    public event Action<CopyLogEntry>? Recorded;

    /// <summary>The followers holding a copy of a leader order: their position follows from that copy's own fills.</summary>
    public IReadOnlySet<int> FollowersWithCopyOf(int leaderAccountId, string leaderOrderId) =>
        books.Get(leaderAccountId).ForLeaderOrder(leaderAccountId, leaderOrderId).Select(l => l.FollowerId).ToHashSet();

    public void ForgetFinished(int leaderAccountId) =>
        Change(leaderAccountId, book => new OrderMirrorPlan(book.ForgetFinishedLeaderOrders(leaderAccountId), []));

    public Task OnLeaderOrderAsync(Mirroring run, AccountOrderUpdate update)
    {
        var plan = Change(run.Group.LeaderAccountId, book => _planner.Plan(new LeaderOrderEvent(update.AccountId, update.Order, update.PositionBefore), run.Context, book));
        return ExecuteAsync(run, plan.Decisions, CancellationToken.None);
    }

    public Task OnFollowerOrderAsync(Mirroring run, FollowerSnapshot follower, BrokerOrder order)
    {
        var capabilities = hub.ConnectorFor(follower.AccountId)?.Capabilities ?? Unknown;
        var plan = Change(run.Group.LeaderAccountId, book => OcoEmulator.OnFollowerOrderUpdate(book, follower.Id, order, capabilities));
        return ExecuteAsync(run, plan.Decisions, CancellationToken.None);
    }

    public Mirroring Prepare(CopyConfigSnapshot snapshot, CopyGroupSnapshot group, Func<FollowerSnapshot, string, int> position) =>
        new(snapshot, group, new MirrorContext(group, snapshot.ContractMapFor(group), (follower, symbol) => new FollowerAccountState(
            snapshot.Account(follower.AccountId)?.ExternalId ?? "",
            hub.ConnectorFor(follower.AccountId)?.Capabilities ?? Unknown,
            position(follower, symbol))), clock.GetTimestamp());

    private OrderMirrorPlan Change(int leaderAccountId, Func<OrderBook, OrderMirrorPlan> change)
    {
        lock (_gate)
        {
            var plan = change(books.Get(leaderAccountId));
            books.Set(leaderAccountId, plan.Book);
            return plan;
        }
    }

    /// <summary>Each follower's decisions in order (a replacement is a cancel, then a place); followers at once.</summary>
    private Task ExecuteAsync(Mirroring run, IReadOnlyList<FollowerOrderDecision> decisions, CancellationToken ct) =>
        Task.WhenAll(decisions.GroupBy(d => d.FollowerId).Select(async forFollower =>
        {
            foreach (var decision in forFollower)
            {
                await ExecuteAsync(run, decision, ct);
            }
        }));

    private async Task ExecuteAsync(Mirroring run, FollowerOrderDecision decision, CancellationToken ct)
    {
        var follower = run.Group.Followers.FirstOrDefault(f => f.Id == decision.FollowerId);
        var account = follower is null ? null : run.Snapshot.Account(follower.AccountId);
        var connector = follower is null ? null : hub.ConnectorFor(follower.AccountId);
        var action = Describe(decision);
        if (decision is SkipOrder skip)
        {
            // A market order is copied through its fills; a skip row per follower for each would only be noise.
            if (books.Get(run.Group.LeaderAccountId).Leader(skip.Key.LeaderAccountId, skip.Key.LeaderOrderId)?.Order.Type != OrderType.Market)
            {
                Record(run, decision, CopyOutcome.Skipped, null, null, skip.Reason);
            }

            return;
        }

        if (run.Group.DryRun || account is null || connector is null)
        {
            if (decision is PlaceOrder never)
            {
                Change(run.Group.LeaderAccountId, book => new OrderMirrorPlan(book.Rejected(never.Key), []));
            }

            Record(run, decision, run.Group.DryRun ? CopyOutcome.DryRun : CopyOutcome.Failed, null, null, run.Group.DryRun
                ? $"Dry run: would {action}."
                : $"{action}: {BrokerConnectionText.NotConnected(account?.DisplayName ?? $"follower {decision.FollowerId}")}");
            return;
        }

        switch (decision)
        {
            case PlaceOrder place:
                copyTags.RegisterInFlight(place.Request.ClientOrderId!);
                var placed = await brokerCall.SendAsync(account.ConnectionId, token => connector.PlaceOrderAsync(place.Request, token), ct);
                Record(run, decision, placed.Outcome, place.Request.ClientOrderId, placed.BrokerOrderId, placed.Reason is null ? action : $"{action}: {placed.Reason}");
                if (placed.Accepted)
                {
                    copyTags.RegisterBrokerOrder(placed.BrokerOrderId!);
                    var caughtUp = Change(run.Group.LeaderAccountId, book => _planner.Accepted(place.Key, placed.BrokerOrderId!, run.Context, book));
                    await ExecuteAsync(run, caughtUp.Decisions, ct);
                }
                else
                {
                    Change(run.Group.LeaderAccountId, book => new OrderMirrorPlan(book.Rejected(place.Key), []));
                }

                break;
            case ModifyOrder modify:
                var modified = await brokerCall.SendAsync(account.ConnectionId,
                    token => connector.ModifyOrderAsync(modify.AccountId, modify.FollowerOrderId, modify.Quantity, modify.LimitPrice, modify.StopPrice, modify.TrailAmount, token), ct);
                Record(run, decision, modified.Outcome, null, modify.FollowerOrderId, modified.Reason is null ? action : $"{action}: {modified.Reason}");
                break;
            case CancelOrder cancel:
                var canceled = await brokerCall.SendAsync(account.ConnectionId, token => connector.CancelOrderAsync(cancel.AccountId, cancel.FollowerOrderId, token), ct);
                Record(run, decision, canceled.Outcome, null, cancel.FollowerOrderId, $"{action} ({cancel.Reason})" + (canceled.Reason is null ? "" : $": {canceled.Reason}"));
                break;
        }
    }

    private static string Describe(FollowerOrderDecision decision) => decision switch
    {
        PlaceOrder p => $"place {p.Request.Type} {p.Request.Side} {p.Request.Quantity} {p.Request.Symbol}{Prices(p.Request.LimitPrice, p.Request.StopPrice)}",
        ModifyOrder m => $"modify {m.FollowerOrderId} to {m.Quantity}{Prices(m.LimitPrice, m.StopPrice)}",
        CancelOrder c => $"cancel {c.FollowerOrderId}",
        SkipOrder => "skip",
        _ => decision.GetType().Name,
    };

    private static string Prices(decimal? limit, decimal? stop) =>
        (limit is { } l ? $" limit {l}" : "") + (stop is { } s ? $" stop {s}" : "");

    private void Record(Mirroring run, FollowerOrderDecision decision, CopyOutcome outcome, string? tag, string? brokerOrderId, string reason)
    {
        var follower = run.Group.Followers.FirstOrDefault(f => f.Id == decision.FollowerId);
        var book = books.Get(run.Group.LeaderAccountId);
        var leaderOrder = book.Leader(decision.Key.LeaderAccountId, decision.Key.LeaderOrderId)?.Order;
        var request = (decision as PlaceOrder)?.Request;
        var entry = new CopyLogEntry(
            clock.GetUtcNow(), run.Group.Id, run.Group.LeaderAccountId, decision.FollowerId, follower?.AccountId ?? 0, $"order {decision.Key.LeaderOrderId}",
            leaderOrder?.Symbol ?? "", request?.Symbol ?? book.Link(decision.Key)?.Symbol ?? leaderOrder?.Symbol ?? "",
            request?.Side, leaderOrder?.Quantity ?? 0, request?.Quantity ?? 0, outcome, clock.GetElapsedTime(run.ReceivedTimestamp).TotalMilliseconds,
            tag, brokerOrderId, reason);
        if (outcome is CopyOutcome.Rejected or CopyOutcome.Failed)
        {
            logger.LogWarning("Order mirroring of {LeaderOrderId} to follower {FollowerId} {Outcome}: {Reason}", decision.Key.LeaderOrderId, decision.FollowerId, outcome, reason);
        }

        copyLog.Append(entry);
        EventRaiser.Raise(Recorded, entry, logger);
    }
}

/// <summary>One pass of order mirroring for one group: the configuration it reads and when the event arrived.</summary>
internal sealed record Mirroring(CopyConfigSnapshot Snapshot, CopyGroupSnapshot Group, MirrorContext Context, long ReceivedTimestamp);
