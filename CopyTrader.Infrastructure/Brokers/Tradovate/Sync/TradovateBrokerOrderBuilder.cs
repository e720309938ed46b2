using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>
/// Joins an order with its newest version, its New command's client order id, its fills and its reports into
/// the <see cref="BrokerOrder"/> the hub understands. Unresolved when its contract or version has not arrived;
/// Malformed when Tradovate uses a type, time in force or status CopyTrader cannot represent.
/// </summary>
internal static class TradovateBrokerOrderBuilder
{
    public static TradovateWireResult<BrokerOrder> Build(
        TradovateOrderEntity order, TradovateSessionBook book, Func<long, string?> symbolFor, Func<long, string?> clientOrderIdFor)
    {
        var id = order.OrderId;
        if (symbolFor(order.ContractId) is not { } symbol)
        {
            return TradovateWireResult<BrokerOrder>.Unresolved(TradovateOrderMapper.UnknownContract(id, order.ContractId));
        }

        if (book.VersionOf(id) is not { } version)
        {
            return TradovateWireResult<BrokerOrder>.Unresolved($"order {id} has no orderVersion yet (its quantity and type are not known)");
        }

        if (TradovateOrderPartsMapper.TypeOf(version.OrderType) is not { } type)
        {
            return Unsupported($"order {id} has orderType {version.OrderType}, which CopyTrader cannot represent");
        }

        if (TradovateOrderPartsMapper.TimeInForceOf(version.TimeInForce) is not { } timeInForce)
        {
            return Unsupported($"order {id} has timeInForce {version.TimeInForce}, which CopyTrader cannot represent");
        }

        if (TradovateOrderMapper.StatusOf(order.OrdStatus) is not { } status)
        {
            return Unsupported($"order {id} has ordStatus {order.OrdStatus}, which has no CopyTrader equivalent");
        }

        var filled = book.FilledQuantity(id);
        if (status == OrderStatus.Filled)
        {
            filled = Math.Max(filled, version.OrderQty); // its last fill may not have arrived yet
        }
        else if (status == OrderStatus.Working && filled > 0)
        {
            status = OrderStatus.PartiallyFilled;
        }

        return TradovateWireResult<BrokerOrder>.Ok(new BrokerOrder(
            TradovateFillMapper.Text(id),
            clientOrderIdFor(id),
            symbol,
            order.Side,
            type,
            version.OrderQty,
            filled,
            type is OrderType.Limit or OrderType.StopLimit ? version.Price : null,
            type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop ? version.StopPrice : null,
            status,
            status == OrderStatus.Rejected ? book.RejectWordsOf(id) : null,
            timeInForce,
            type == OrderType.TrailingStop && version.PegDifference is { } peg ? Math.Abs(peg) : null,
            book.OcoGroupOf(id) is { } group ? TradovateFillMapper.Text(group) : null,
            order.ParentId is { } parent ? TradovateFillMapper.Text(parent) : null));
    }

    private static TradovateWireResult<BrokerOrder> Unsupported(string reason) => TradovateWireResult<BrokerOrder>.Malformed(reason);
}
