using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>A REST-joined Tradovate order as the Domain's <see cref="BrokerOrder"/>.</summary>
internal static class TradovateOrderDetails
{
    public static BrokerOrder ToBrokerOrder(TradovateOrderDetail order, string symbol) => new(
        order.OrderId.ToString(CultureInfo.InvariantCulture),
        order.ClOrdId,
        symbol,
        order.Action,
        order.OrderType ?? throw new InvalidOperationException($"Tradovate order {order.OrderId} has type {order.OrderTypeName}, which CopyTrader does not handle."),
        order.OrderQty,
        0,
        order.Price,
        order.StopPrice,
        order.Status ?? OrderStatus.Working,
        null,
        order.TimeInForce switch
        {
            TradovateTimeInForce.GTC => TimeInForce.GoodTillCanceled,
            TradovateTimeInForce.IOC => TimeInForce.ImmediateOrCancel,
            TradovateTimeInForce.FOK => TimeInForce.FillOrKill,
            _ => TimeInForce.Day,
        },
        OcoGroupId: order.OcoId?.ToString(CultureInfo.InvariantCulture),
        ParentOrderId: order.ParentId?.ToString(CultureInfo.InvariantCulture));
}
