using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorProperties;

namespace CopyTrader.Tests.Domain.Orders;

/// <summary>
/// An engine and a follower broker in miniature, and the model they are checked against: a follower holds one
/// copy of a working leader order when it was eligible and sized above zero at placement, sized by
/// <see cref="FollowerTarget.For"/> from the leader's latest quantity. A modification that scaled to zero
/// cancels an accepted copy for good, while a copy still in flight only sees the latest terms, so after one
/// the copy may be there (with the latest terms) or not.
/// </summary>
internal sealed class OrderMirrorSimulation(IReadOnlyList<FollowerSnapshot> followers, BrokerCapabilities capabilities)
{
    private readonly MirrorContext _context = Context(new CopyGroupSnapshot(1, "G", LeaderAccount, true, followers), capabilities);
    private readonly List<PlaceOrder> _pending = [];
    private readonly Dictionary<string, (OrderLinkKey Key, OrderTerms Terms)> _broker = [];
    private readonly Dictionary<string, BrokerOrder> _leader = [];
    private readonly HashSet<OrderLinkKey> _eligible = [];
    private readonly HashSet<OrderLinkKey> _zeroed = [];
    private readonly List<string> _violations = [];
    private OrderBook _book = OrderBook.Empty;
    private int _nextId;

    public List<string> Run(IReadOnlyList<Step> steps)
    {
        foreach (var step in steps)
        {
            Apply(step);
            _violations.AddRange(Orphans().Select(o => $"after {step}: {o}"));
        }

        while (_pending.Count > 0)
        {
            Accept(0);
        }

        return [.. _violations, .. Check()];
    }

    public List<string> Check()
    {
        var problems = Orphans();
        foreach (var order in _leader.Values.Where(o => o.Status.IsOpen()))
        {
            foreach (var follower in followers)
            {
                var key = Key(order.BrokerOrderId, follower.Id);
                var copies = _broker.Values.Where(c => c.Key == key).Select(c => c.Terms).ToList();
                var expected = new OrderTerms(FollowerTarget.For(order.Quantity, follower.Rule), order.LimitPrice, order.StopPrice, order.TrailAmount);
                var ok = !_eligible.Contains(key) ? copies.Count == 0
                    : _zeroed.Contains(key) ? copies.Count == 0 || copies.SequenceEqual([expected])
                    : copies.SequenceEqual([expected]);
                if (!ok)
                {
                    problems.Add($"{key}: expected {(_eligible.Contains(key) ? expected : "no copy")}, broker has [{string.Join(", ", copies)}]");
                }
            }
        }

        problems.AddRange(_book.Links.Where(l => l.FollowerOrderId is null || !_broker.ContainsKey(l.FollowerOrderId)).Select(l => $"link {l.Key} has no copy"));
        return problems;
    }

    /// <summary>Copies the book does not link, or whose leader order no longer works.</summary>
    private List<string> Orphans() =>
    [
        .. _broker.Where(o => !_leader.TryGetValue(o.Value.Key.LeaderOrderId, out var l) || !l.Status.IsOpen()).Select(o => $"copy {o.Key} outlives leader order {o.Value.Key.LeaderOrderId}"),
        .. _broker.Where(o => _book.ForFollowerOrder(o.Value.Key.FollowerId, o.Key)?.Key != o.Value.Key).Select(o => $"copy {o.Key} has no link"),
    ];

    public void ForgetLeaderOrdersForTest() => _leader.Clear();

    private void Apply(Step step)
    {
        var existing = _leader.Values.Where(o => o.Status.IsOpen()).ToList();
        switch (step.Kind)
        {
            case StepKind.Place:
                var id = $"L{_leader.Count}";
                var price = 21000m + step.PriceTicks * 0.25m;
                var order = Order(id, step.Type, step.Side, step.Quantity,
                    limit: step.Type is OrderType.Limit or OrderType.StopLimit ? price : null,
                    stop: step.Type == OrderType.Limit ? null : price + 1m,
                    trail: step.Type == OrderType.TrailingStop ? 5m : null);
                _eligible.UnionWith(followers.Where(f => Eligible(f, order)).Select(f => Key(id, f.Id)));
                Report(order);
                break;
            case StepKind.Modify when existing.Count > 0:
                var current = existing[step.Index % existing.Count];
                var changed = current with { Quantity = step.Quantity, LimitPrice = current.LimitPrice + step.PriceTicks * 0.25m, StopPrice = current.StopPrice + step.PriceTicks * 0.25m };
                _zeroed.UnionWith(followers.Where(f => FollowerTarget.For(step.Quantity, f.Rule) == 0).Select(f => Key(current.BrokerOrderId, f.Id)));
                Report(changed);
                break;
            case StepKind.Cancel when existing.Count > 0:
                Report(existing[step.Index % existing.Count] with { Status = OrderStatus.Canceled });
                break;
            case StepKind.AcceptOne when _pending.Count > 0:
                Accept(step.Index % _pending.Count);
                break;
        }
    }

    private bool Eligible(FollowerSnapshot follower, BrokerOrder order) =>
        follower.Enabled && !follower.Rule.Inverse && (order.Type != OrderType.TrailingStop || capabilities.TrailingStops)
        && FollowerTarget.For(order.Quantity, follower.Rule) > 0;

    private void Report(BrokerOrder order)
    {
        _leader[order.BrokerOrderId] = order;
        Carry(Planner.Plan(new LeaderOrderEvent(LeaderAccount, order, 0), _context, _book));
    }

    private void Accept(int index)
    {
        var place = _pending[index];
        _pending.RemoveAt(index);
        var id = $"F{_nextId++}";
        _broker[id] = (place.Key, OrderTerms.Of(place.Request));
        Carry(Planner.Accepted(place.Key, id, _context, _book));
    }

    private void Carry(OrderMirrorPlan plan)
    {
        _book = plan.Book;
        foreach (var decision in plan.Decisions)
        {
            switch (decision)
            {
                case PlaceOrder place:
                    _pending.Add(place);
                    break;
                case ModifyOrder modify when _broker.TryGetValue(modify.FollowerOrderId, out var copy):
                    _broker[modify.FollowerOrderId] = (copy.Key, new OrderTerms(modify.Quantity, modify.LimitPrice, modify.StopPrice, modify.TrailAmount));
                    break;
                case CancelOrder cancel when _broker.Remove(cancel.FollowerOrderId):
                    break;
                case ModifyOrder or CancelOrder:
                    _violations.Add($"{decision} targets a follower order the broker does not have");
                    break;
            }
        }
    }
}
