using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

/// <summary>
/// The in-process paper broker: accounts with cash, a synthetic price per symbol moving in whole ticks,
/// market / limit / stop orders, bracket legs held until their entry fills, one-cancels-other groups, fills,
/// net positions with average price and P&amp;L. One lock guards all state, and events are handed to the
/// attached connectors inside it, so every connector sees them in order.
/// </summary>
public sealed class SimulatorExchange(InstrumentCatalog catalog, TimeProvider clock, IOptions<SimulatorOptions> options)
{
    private readonly object _gate = new();
    private readonly SimulatorOptions _options = options.Value;
    private readonly Random _random = options.Value.RandomSeed is { } seed ? new Random(seed) : new Random();
    private readonly Dictionary<string, SimulatorAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Attachment> _attachments = [];
    private readonly List<FillEvent> _session = [];
    private long _orderSequence;
    private long _fillSequence;

    /// <summary>
    /// Subscribes a sink to the accounts' events. The current state arrives first as snapshot events, ending
    /// with <see cref="SnapshotCompleteEvent"/>, atomically with the subscription so nothing falls in between.
    /// </summary>
    public IDisposable Attach(IReadOnlyCollection<string> accountIds, Action<BrokerEvent> sink)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var account in accountIds.Select(EnsureAccount))
            {
                sink(new BalanceUpdateEvent(now, account.Id, BalanceOf(account)) { IsSnapshot = true });
                foreach (var position in account.Positions.Values.Where(p => !p.IsFlat))
                {
                    sink(new PositionUpdateEvent(now, account.Id, ToBroker(position)) { IsSnapshot = true });
                }

                foreach (var order in account.Orders.Values.Where(o => o.Status.IsOpen()))
                {
                    sink(new OrderUpdateEvent(now, account.Id, ToBroker(order)) { IsSnapshot = true });
                }
            }

            sink(new SnapshotCompleteEvent(now));
            var attachment = new Attachment(this, new HashSet<string>(accountIds, StringComparer.OrdinalIgnoreCase), sink);
            _attachments.Add(attachment);
            return attachment;
        }
    }

    /// <summary>The paper accounts a login on this exchange lists: SIM-1 to SIM-<i>n</i> (Simulator:PaperAccounts).</summary>
    public IReadOnlyList<string> PaperAccountIds() => [.. Enumerable.Range(1, _options.PaperAccounts).Select(n => $"SIM-{n}")];

    public decimal PriceOf(string symbol)
    {
        lock (_gate)
        {
            return Price(symbol);
        }
    }

    /// <summary>
    /// Sends every fill of the session again as live events, as Tradovate does at the 4 PM CT session end
    /// (a fault the copier must survive without copying anything twice).
    /// </summary>
    public void ReplaySession()
    {
        lock (_gate)
        {
            foreach (var fill in _session.ToList())
            {
                Publish(fill with { TimeUtc = clock.GetUtcNow() });
            }
        }
    }

    /// <summary>Sets a symbol's price (tests and scenarios) and processes the orders it triggers.</summary>
    public void SetPrice(string symbol, decimal price)
    {
        lock (_gate)
        {
            _prices[symbol] = catalog.For(symbol).RoundToTick(price);
            OnPriceChanged(symbol);
        }
    }

    /// <summary>Moves every traded symbol by -2..+2 ticks.</summary>
    public void AdvancePrices()
    {
        lock (_gate)
        {
            foreach (var symbol in _prices.Keys.ToList())
            {
                var spec = catalog.For(symbol);
                _prices[symbol] = Math.Max(spec.TickSize, _prices[symbol] + _random.Next(-2, 3) * spec.TickSize);
                OnPriceChanged(symbol);
            }
        }
    }

    public IReadOnlyList<BrokerPosition> Positions(string accountId)
    {
        lock (_gate)
        {
            return EnsureAccount(accountId).Positions.Values.Where(p => !p.IsFlat).Select(ToBroker).ToList();
        }
    }

    public IReadOnlyList<BrokerOrder> WorkingOrders(string accountId)
    {
        lock (_gate)
        {
            return EnsureAccount(accountId).Orders.Values.Where(o => o.Status.IsOpen()).Select(ToBroker).ToList();
        }
    }

    public AccountBalance Balance(string accountId)
    {
        lock (_gate)
        {
            return BalanceOf(EnsureAccount(accountId));
        }
    }

    public OrderResult Place(OrderRequest request)
    {
        lock (_gate)
        {
            var spec = catalog.For(request.Symbol);
            var problem = SimulatorOrderRules.Validate(request, spec);
            if (problem is not null)
            {
                return OrderResult.Reject(problem);
            }

            var account = EnsureAccount(request.AccountId);
            if (request.ParentOrderId is { } parentId && !(account.Orders.TryGetValue(parentId, out var parent) && parent.Status != OrderStatus.Canceled && parent.Status != OrderStatus.Rejected))
            {
                return OrderResult.Reject($"Bracket parent {parentId} is not an order of account {account.Id} that can still fill.");
            }

            var order = new SimulatorOrder
            {
                Id = $"SIM-O{++_orderSequence}",
                AccountId = account.Id,
                ClientOrderId = request.ClientOrderId,
                Symbol = request.Symbol.ToUpperInvariant(),
                Side = request.Side,
                Type = request.Type,
                Quantity = request.Quantity,
                LimitPrice = request.LimitPrice,
                StopPrice = request.StopPrice,
                ParentOrderId = request.ParentOrderId,
                OcoGroupId = request.OcoGroupId,
            };
            account.Orders[order.Id] = order;
            Publish(new OrderUpdateEvent(clock.GetUtcNow(), account.Id, ToBroker(order)));
            TryExecute(account, order);
            return OrderResult.Accept(order.Id);
        }
    }

    public OrderResult Modify(string accountId, string orderId, int quantity, decimal? limitPrice, decimal? stopPrice)
    {
        lock (_gate)
        {
            if (FindOpenOrder(accountId, orderId, out var account) is not { } order)
            {
                return OrderResult.Reject($"Order {orderId} is not working on account {accountId}.");
            }

            var problem = SimulatorOrderRules.Validate(
                new OrderRequest(accountId, order.Symbol, order.Side, quantity, order.Type, limitPrice, stopPrice), catalog.For(order.Symbol));
            if (problem is not null)
            {
                return OrderResult.Reject(problem);
            }

            (order.Quantity, order.LimitPrice, order.StopPrice) = (quantity, limitPrice, stopPrice);
            Publish(new OrderUpdateEvent(clock.GetUtcNow(), accountId, ToBroker(order)));
            TryExecute(account, order);
            return OrderResult.Accept(order.Id);
        }
    }

    public OrderResult Cancel(string accountId, string orderId)
    {
        lock (_gate)
        {
            if (FindOpenOrder(accountId, orderId, out var account) is not { } order)
            {
                return OrderResult.Reject($"Order {orderId} is not working on account {accountId}.");
            }

            CancelWithLegs(account, order);
            return OrderResult.Accept(order.Id);
        }
    }

    public OrderResult Liquidate(string accountId, string symbol, string? clientOrderId)
    {
        lock (_gate)
        {
            var quantity = EnsureAccount(accountId).PositionIn(symbol).Quantity;
            return quantity == 0
                ? OrderResult.Reject($"No open position in {symbol} on account {accountId}.")
                : Place(new OrderRequest(accountId, symbol, SideExtensions.ForDelta(-quantity), Math.Abs(quantity), ClientOrderId: clientOrderId));
        }
    }

    private SimulatorOrder? FindOpenOrder(string accountId, string orderId, out SimulatorAccount account)
    {
        account = EnsureAccount(accountId);
        return account.Orders.TryGetValue(orderId, out var order) && order.Status.IsOpen() ? order : null;
    }

    private void OnPriceChanged(string symbol)
    {
        var now = clock.GetUtcNow();
        foreach (var account in _accounts.Values)
        {
            foreach (var order in account.Orders.Values.Where(o => o.Status.IsOpen() && o.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                TryExecute(account, order);
            }

            if (account.Positions.TryGetValue(symbol, out var position) && !position.IsFlat)
            {
                Publish(new PositionUpdateEvent(now, account.Id, ToBroker(position)));
            }
        }
    }

    private void CancelWithLegs(SimulatorAccount account, SimulatorOrder order)
    {
        order.Status = OrderStatus.Canceled;
        Publish(new OrderUpdateEvent(clock.GetUtcNow(), account.Id, ToBroker(order)));
        foreach (var leg in account.Orders.Values.Where(o => o.ParentOrderId == order.Id && o.Status.IsOpen()).ToList())
        {
            CancelWithLegs(account, leg);
        }
    }

    private void TryExecute(SimulatorAccount account, SimulatorOrder order)
    {
        if (!order.Status.IsOpen())
        {
            return; // filled or canceled earlier in the same price move (an OCO sibling, a bracket leg)
        }

        if (order.ParentOrderId is { } parentId && account.Orders.TryGetValue(parentId, out var parent) && parent.Status != OrderStatus.Filled)
        {
            return; // a bracket leg waits for its entry
        }

        var market = Price(order.Symbol);
        if (SimulatorOrderRules.FillPrice(order, market) is not { } price)
        {
            return;
        }

        var spec = catalog.For(order.Symbol);
        var quantity = order.Quantity - order.FilledQuantity;
        var position = account.PositionIn(order.Symbol);
        var realized = position.ApplyFill(order.Side, quantity, price, spec.PointValue);
        account.Cash += realized;
        account.RealizedPnl += realized;
        order.FilledQuantity = order.Quantity;
        order.Status = OrderStatus.Filled;

        var now = clock.GetUtcNow();
        var fill = new FillEvent(now, account.Id, $"SIM-F{++_fillSequence}", order.Id, order.ClientOrderId, order.Symbol, order.Side, quantity, price);
        _session.Add(fill);
        Publish(fill);
        Publish(new OrderUpdateEvent(now, account.Id, ToBroker(order)));
        Publish(new PositionUpdateEvent(now, account.Id, ToBroker(position)));
        Publish(new BalanceUpdateEvent(now, account.Id, BalanceOf(account)));

        if (order.OcoGroupId is { } group)
        {
            foreach (var sibling in account.Orders.Values.Where(o => o != order && o.OcoGroupId == group && o.Status.IsOpen()).ToList())
            {
                CancelWithLegs(account, sibling);
            }
        }

        foreach (var leg in account.Orders.Values.Where(o => o.ParentOrderId == order.Id && o.Status.IsOpen()).ToList())
        {
            TryExecute(account, leg); // the entry filled: its bracket legs are live now
        }
    }

    private decimal Price(string symbol)
    {
        if (!_prices.TryGetValue(symbol, out var price))
        {
            var root = FuturesSymbol.TryParse(symbol, catalog, out var futures) ? futures.Root : symbol;
            price = _options.OpeningPrices.TryGetValue(root, out var opening) ? opening : 100m;
            _prices[symbol] = price;
        }

        return price;
    }

    private SimulatorAccount EnsureAccount(string accountId)
    {
        if (!_accounts.TryGetValue(accountId, out var account))
        {
            account = new SimulatorAccount(accountId, _options.StartingBalance);
            _accounts[accountId] = account;
        }

        return account;
    }

    private AccountBalance BalanceOf(SimulatorAccount account) =>
        new(account.Cash, account.RealizedPnl, account.Positions.Values.Sum(p => p.OpenPnl(Price(p.Symbol), catalog.For(p.Symbol).PointValue)));

    private BrokerPosition ToBroker(Position p)
    {
        var pointValue = catalog.For(p.Symbol).PointValue;
        return new BrokerPosition(p.Symbol, p.Quantity, p.AveragePrice, p.OpenPnl(Price(p.Symbol), pointValue), p.RealizedPnl);
    }

    private static BrokerOrder ToBroker(SimulatorOrder o) =>
        new(o.Id, o.ClientOrderId, o.Symbol, o.Side, o.Type, o.Quantity, o.FilledQuantity, o.LimitPrice, o.StopPrice, o.Status, o.Reason,
            OcoGroupId: o.OcoGroupId, ParentOrderId: o.ParentOrderId);

    private void Publish(BrokerEvent e)
    {
        var accountId = e switch
        {
            FillEvent f => f.AccountId,
            OrderUpdateEvent o => o.AccountId,
            PositionUpdateEvent p => p.AccountId,
            BalanceUpdateEvent b => b.AccountId,
            _ => null,
        };
        foreach (var attachment in _attachments.Where(a => accountId is null || a.Accounts.Contains(accountId)))
        {
            attachment.Sink(e);
        }
    }

    private sealed record Attachment(SimulatorExchange Exchange, HashSet<string> Accounts, Action<BrokerEvent> Sink) : IDisposable
    {
        public void Dispose()
        {
            lock (Exchange._gate)
            {
                Exchange._attachments.Remove(this);
            }
        }
    }
}
