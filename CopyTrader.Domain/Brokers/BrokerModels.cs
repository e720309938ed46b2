using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Brokers;

public sealed record BrokerAccount(string AccountId, string Name);

public sealed record BrokerPosition(string Symbol, int Quantity, decimal AveragePrice, decimal OpenPnl, decimal RealizedPnl);

public sealed record AccountBalance(decimal CashBalance, decimal RealizedPnl, decimal OpenPnl)
{
    public decimal NetLiquidation => CashBalance + OpenPnl;
}

/// <summary>
/// An order as the broker reports it. <see cref="TrailAmount"/> is the price distance of a trailing stop;
/// <see cref="OcoGroupId"/> ties the legs of a one-cancels-other group; <see cref="ParentOrderId"/> is the
/// entry a bracket leg is attached to.
/// </summary>
public sealed record BrokerOrder(
    string BrokerOrderId,
    string? ClientOrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    int Quantity,
    int FilledQuantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    OrderStatus Status,
    string? Reason,
    TimeInForce TimeInForce = TimeInForce.Day,
    decimal? TrailAmount = null,
    string? OcoGroupId = null,
    string? ParentOrderId = null);
