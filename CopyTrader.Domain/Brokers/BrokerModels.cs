using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Brokers;

public sealed record BrokerAccount(string AccountId, string Name);

public sealed record BrokerPosition(string Symbol, int Quantity, decimal AveragePrice, decimal OpenPnl, decimal RealizedPnl);

public sealed record AccountBalance(decimal CashBalance, decimal RealizedPnl, decimal OpenPnl)
{
    public decimal NetLiquidation => CashBalance + OpenPnl;
}

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
    string? Reason);
