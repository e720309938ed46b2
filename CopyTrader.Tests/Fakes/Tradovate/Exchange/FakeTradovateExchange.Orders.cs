using System.Globalization;
using static CopyTrader.Tests.Fakes.Tradovate.Exchange.FakeTradovateWords;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// Placing, modifying, cancelling and liquidating. The public methods act as a human at Tradovate's own UI
/// (placement faults do not apply, nothing goes through REST) but publish the same props; the REST layer calls
/// the <c>...ViaApi</c> ones. An unknown account or order throws <see cref="FakeTradovateNotFoundException"/>.
/// </summary>
public sealed partial class FakeTradovateExchange
{
    public FakePlaceResult Place(FakeOrderTicket ticket) => Operate(() => PlaceCore(ticket, viaApi: false));

    public FakePlaceResult PlaceOso(FakeOrderTicket entry, FakeBracket bracket1, FakeBracket? bracket2 = null) =>
        Operate(() => PlaceOsoCore(entry, bracket1, bracket2, viaApi: false));

    public FakePlaceResult PlaceOco(FakeOrderTicket order, FakeBracket other) => Operate(() => PlaceOcoCore(order, other, viaApi: false));

    /// <summary>A market order the account's owner places and gets filled in Tradovate's UI (as if the leader traded by hand).</summary>
    public long TradeInPlatform(long accountId, string symbol, string action, int qty)
    {
        var result = Place(new FakeOrderTicket(accountId, symbol, action, qty));
        return result.OrderId ?? throw new InvalidOperationException($"{result.FailureReason}: {result.FailureText}");
    }

    public FakeCommandResult Modify(FakeModifyTicket ticket) => Operate(() =>
        ModifyCore(ticket, new FakeCommandMeta(ticket.ClOrdId, ticket.IsAutomated)) ?? throw UnknownOrder(ticket.OrderId));

    public FakeCommandResult Cancel(long orderId) => Operate(() => CancelCore(orderId, new FakeCommandMeta()) ?? throw UnknownOrder(orderId));

    public FakePlaceResult Liquidate(long accountId, long contractId) => Operate(() => LiquidateCore(accountId, contractId, null, viaApi: false));

    /// <summary>
    /// Fills <paramref name="qty"/> of a working order at <paramref name="price"/> (default: its limit price, or the last
    /// price for market and stop orders); a partial fill leaves it Working.
    /// </summary>
    public void Fill(long orderId, int qty, decimal? price = null) => Operate(() =>
    {
        var order = _book.GetValueOrDefault(orderId) ?? throw UnknownOrder(orderId);
        if (StatusOf(order) != Working || qty < 1 || qty > order.Remaining)
        {
            throw new InvalidOperationException($"order {orderId} is {StatusOf(order)} with {order.Remaining} left; cannot fill {qty}");
        }

        Execute(order, qty, price ?? (order.OrderType is Limit or StopLimit ? order.Price!.Value : _prices[order.ContractId]));
        Sweep(order.ContractId);
        return 0;
    });

    internal FakePlaceResult PlaceViaApi(FakeOrderTicket ticket) => Operate(() => PlaceCore(ticket, viaApi: true));

    internal FakePlaceResult PlaceOsoViaApi(FakeOrderTicket entry, FakeBracket bracket1, FakeBracket? bracket2) =>
        Operate(() => PlaceOsoCore(entry, bracket1, bracket2, viaApi: true));

    internal FakePlaceResult PlaceOcoViaApi(FakeOrderTicket order, FakeBracket other) => Operate(() => PlaceOcoCore(order, other, viaApi: true));

    /// <summary>Null when the order is unknown.</summary>
    internal FakeCommandResult? ModifyViaApi(FakeModifyTicket ticket) =>
        Operate(() => ModifyCore(ticket, new FakeCommandMeta(ticket.ClOrdId, ticket.IsAutomated)));

    internal FakeCommandResult? CancelViaApi(long orderId, FakeCommandMeta meta) => Operate(() => CancelCore(orderId, meta));

    internal FakePlaceResult LiquidateViaApi(long accountId, long contractId, string? customTag50) =>
        Operate(() => LiquidateCore(accountId, contractId, customTag50, viaApi: true));

    private FakePlaceResult PlaceCore(FakeOrderTicket ticket, bool viaApi)
    {
        if (Admit(ticket, viaApi, [FakeOrderSpec.Of(ticket)]) is { } refused)
        {
            return refused;
        }

        var contract = ContractCore(ticket.Symbol);
        var order = CreateOrder(_ids.Next<FakeOrder>(), ticket.AccountId, contract.Id, ticket.Action, ticket.OrderQty, FakeOrderSpec.Of(ticket), Meta(ticket));
        if (AsyncRejected(viaApi, order))
        {
            return new FakePlaceResult(order.OrderId);
        }

        Accept(order);
        Sweep(contract.Id);
        return new FakePlaceResult(order.OrderId);
    }

    /// <summary>Entry plus one or two brackets, held Suspended until the entry fills, then Working and OCO-linked.</summary>
    private FakePlaceResult PlaceOsoCore(FakeOrderTicket entry, FakeBracket bracket1, FakeBracket? bracket2, bool viaApi)
    {
        var specs = new List<FakeOrderSpec> { FakeOrderSpec.Of(entry), FakeOrderSpec.Of(bracket1) };
        if (bracket2 is not null)
        {
            specs.Add(FakeOrderSpec.Of(bracket2));
        }

        if (Admit(entry, viaApi, specs) is { } refused)
        {
            return refused;
        }

        var contract = ContractCore(entry.Symbol);
        var order = CreateOrder(_ids.Next<FakeOrder>(), entry.AccountId, contract.Id, entry.Action, entry.OrderQty, specs[0], Meta(entry));
        if (AsyncRejected(viaApi, order))
        {
            return new FakePlaceResult(order.OrderId); // brackets of a rejected entry are never created
        }

        Accept(order);
        var leg1Id = _ids.Next<FakeOrder>();
        long? leg2Id = bracket2 is null ? null : _ids.Next<FakeOrder>();
        Suspend(CreateOrder(leg1Id, entry.AccountId, contract.Id, bracket1.Action, entry.OrderQty, specs[1],
            Meta(bracket1.ClOrdId, entry), order.OrderId, leg2Id));
        if (bracket2 is not null)
        {
            Suspend(CreateOrder(leg2Id!.Value, entry.AccountId, contract.Id, bracket2.Action, entry.OrderQty, specs[2],
                Meta(bracket2.ClOrdId, entry), order.OrderId, leg1Id));
        }

        Sweep(contract.Id);
        return new FakePlaceResult(order.OrderId) { Oso1Id = leg1Id, Oso2Id = leg2Id };
    }

    /// <summary>Two working orders for the same quantity; the first fill of either cancels the other.</summary>
    private FakePlaceResult PlaceOcoCore(FakeOrderTicket ticket, FakeBracket other, bool viaApi)
    {
        FakeOrderSpec[] specs = [FakeOrderSpec.Of(ticket), FakeOrderSpec.Of(other)];
        if (Admit(ticket, viaApi, specs) is { } refused)
        {
            return refused;
        }

        var contract = ContractCore(ticket.Symbol);
        var firstId = _ids.Next<FakeOrder>();
        var secondId = _ids.Next<FakeOrder>();
        var first = CreateOrder(firstId, ticket.AccountId, contract.Id, ticket.Action, ticket.OrderQty, specs[0], Meta(ticket), ocoPartnerId: secondId);
        var second = CreateOrder(secondId, ticket.AccountId, contract.Id, other.Action, ticket.OrderQty, specs[1], Meta(other.ClOrdId, ticket), ocoPartnerId: firstId);
        if (AsyncRejected(viaApi, first))
        {
            Reject(second, first.Rejection!.Reason, first.Rejection.Text);
            return new FakePlaceResult(firstId) { OcoId = secondId };
        }

        Accept(first);
        Accept(second);
        Sweep(contract.Id);
        return new FakePlaceResult(firstId) { OcoId = secondId };
    }

    /// <summary>
    /// A market order that flattens the account's position in the contract. With
    /// <see cref="LiquidateCancelsWorkingOrders"/> it first cancels the working orders there. Flat → failureReason
    /// UnknownReason "No position to liquidate" [U].
    /// </summary>
    private FakePlaceResult LiquidateCore(long accountId, long contractId, string? customTag50, bool viaApi)
    {
        AccountCore(accountId);
        var contract = _store.Contracts.Get(contractId) ?? throw new FakeTradovateNotFoundException("contract", contractId.ToString(CultureInfo.InvariantCulture));
        if (viaApi && _faults.TakePlacementFailure(accountId) is { } failure)
        {
            return FakePlaceResult.Failure(failure.Reason, failure.Text);
        }

        var meta = new FakeCommandMeta(null, viaApi, customTag50);
        if (LiquidateCancelsWorkingOrders)
        {
            foreach (var working in _book.Values.Where(o => o.AccountId == accountId && o.ContractId == contractId).ToArray())
            {
                if (StatusOf(working) is Working or Suspended)
                {
                    CancelCore(working.OrderId, meta);
                }
            }
        }

        var netPos = PositionCore(accountId, contractId)?.NetPos ?? 0;
        if (netPos == 0)
        {
            return FakePlaceResult.Failure("UnknownReason", "No position to liquidate");
        }

        var order = CreateOrder(_ids.Next<FakeOrder>(), accountId, contract.Id, netPos > 0 ? Sell : Buy, Math.Abs(netPos), FakeOrderSpec.MarketOrder, meta);
        if (AsyncRejected(viaApi, order))
        {
            return new FakePlaceResult(order.OrderId);
        }

        Accept(order);
        Sweep(contract.Id);
        return new FakePlaceResult(order.OrderId);
    }

    /// <summary>Known account and contract, placement faults, supported types and valid prices; null admits the order.</summary>
    private FakePlaceResult? Admit(FakeOrderTicket ticket, bool viaApi, IEnumerable<FakeOrderSpec> specs)
    {
        AccountCore(ticket.AccountId);
        if (ticket.OrderQty < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ticket), ticket.OrderQty, "orderQty must be at least 1");
        }

        var contract = _store.Contracts.All.FirstOrDefault(c => c.Name == ticket.Symbol);
        if (contract is null)
        {
            return FakePlaceResult.Failure("InvalidContract", $"Contract {ticket.Symbol} is not found");
        }

        if (viaApi && _faults.TakePlacementFailure(ticket.AccountId) is { } failure)
        {
            return FakePlaceResult.Failure(failure.Reason, failure.Text);
        }

        return specs.Select(s => SpecProblem(s, contract.Id)).FirstOrDefault(p => p is not null) is { } problem
            ? FakePlaceResult.Failure(problem.Reason, problem.Text)
            : null;
    }

    /// <summary>The asynchronous reject fault: the placement answers an orderId, then the order goes Rejected.</summary>
    private bool AsyncRejected(bool viaApi, FakeWorkingOrder order)
    {
        if (!viaApi || _faults.TakeAsyncReject(order.AccountId) is not { } reject)
        {
            return false;
        }

        order.Rejection = reject;
        Reject(order, reject.Reason, reject.Text);
        return true;
    }

    private static FakeCommandMeta Meta(FakeOrderTicket ticket) => new(ticket.ClOrdId, ticket.IsAutomated, ticket.CustomTag50);

    private static FakeCommandMeta Meta(string? clOrdId, FakeOrderTicket parent) => new(clOrdId, parent.IsAutomated, parent.CustomTag50);

    private static FakeTradovateNotFoundException UnknownOrder(long orderId) => new("order", orderId.ToString(CultureInfo.InvariantCulture));
}
