using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    /// <summary>The last <see cref="BrokerOrder"/> built per order id, to come out only when it changed.</summary>
    private readonly Dictionary<long, BrokerOrder> _shownOrders = [];

    /// <summary>The last problem recorded per order, so a rebuilt order with the same problem is not recorded again.</summary>
    private readonly Dictionary<long, string> _orderProblems = [];

    /// <summary>Stores an order; returns the orders to rebuild (it and its one-cancels-other partners, whose group may change).</summary>
    private IEnumerable<long> IngestOrder(JsonElement entity)
    {
        if (Read(TradovateOrderMapper.Read(entity), entity) is not { } order)
        {
            return [];
        }

        _book.AddOrder(order);
        return _book.OcoComponentOf(order.OrderId).Where(_book.Orders.ContainsKey).Order();
    }

    private IEnumerable<long> IngestVersion(JsonElement entity)
    {
        if (Read(TradovateOrderPartsMapper.OrderVersion(entity), entity) is not { } version)
        {
            return [];
        }

        _book.AddVersion(version);
        return [version.OrderId];
    }

    private IEnumerable<long> IngestCommand(JsonElement entity)
    {
        if (Read(TradovateOrderPartsMapper.Command(entity), entity) is not { } command)
        {
            return [];
        }

        _book.AddCommand(command);
        return [command.OrderId];
    }

    private IEnumerable<long> IngestReport(JsonElement entity, bool commandReport)
    {
        var result = commandReport ? TradovateOrderPartsMapper.CommandReport(entity) : TradovateOrderPartsMapper.ExecutionReport(entity);
        if (Read(result, entity) is not { } report)
        {
            return [];
        }

        _book.AddReport(report);
        return _book.OrderOfReport(report) is { } orderId ? [orderId] : [];
    }

    private void ForgetOrder(JsonElement entity)
    {
        var fields = new TradovateEntityFields(entity, "order");
        var orderId = fields.Id("id");
        if (fields.Problem is { } problem)
        {
            Problem($"skipped: {problem}", entity);
            return;
        }

        _book.Orders.Remove(orderId);
        _pending.Remove(TradovatePendingKind.Order, orderId);
    }

    /// <summary>
    /// Rebuilds an order of the scope and emits it when it changed. History (<paramref name="isSnapshot"/>) shows only
    /// open orders, and orders that were open and are not any more; <paramref name="force"/> shows open orders even
    /// when unchanged (a new session's snapshot). Versions, commands and reports of an unknown order wait in the book.
    /// </summary>
    private void RefreshOrder(long orderId, bool isSnapshot, bool force)
    {
        if (!_book.Orders.TryGetValue(orderId, out var order) || !InScope(order.AccountId))
        {
            return;
        }

        var built = TradovateBrokerOrderBuilder.Build(order, _book, _contracts.SymbolFor, ClientOrderIdOf);
        if (built.Outcome == TradovateWireOutcome.Unresolved)
        {
            var missingContract = _contracts.SymbolFor(order.ContractId) is null ? order.ContractId : (long?)null;
            Pend(TradovatePendingKind.Order, orderId, null, built.Reason!, isSnapshot, missingOrder: null, missingContract);
            return;
        }

        _pending.Remove(TradovatePendingKind.Order, orderId);
        if (built.Value is not { } brokerOrder)
        {
            if (_orderProblems.GetValueOrDefault(orderId) != built.Reason)
            {
                _orderProblems[orderId] = built.Reason!;
                Problem($"order not shown: {built.Reason}");
            }

            return;
        }

        if (!isSnapshot && MayBeOursWithoutItsId(brokerOrder.ClientOrderId, orderId))
        {
            Pend(TradovatePendingKind.Order, orderId, null,
                $"order {orderId} waits for its client order id: its New command has not arrived and a placement is in flight", isSnapshot, null, null);
            return;
        }

        var shown = _shownOrders.GetValueOrDefault(orderId);
        var changed = shown != brokerOrder;
        var show = isSnapshot
            ? brokerOrder.Status.IsOpen() ? changed || force : changed && shown?.Status.IsOpen() == true
            : changed;
        _shownOrders[orderId] = brokerOrder;
        if (show)
        {
            Emit(new OrderUpdateEvent(_book.LastActivityOf(order), TradovateFillMapper.Text(order.AccountId), brokerOrder) { IsSnapshot = isSnapshot });
        }
    }
}
