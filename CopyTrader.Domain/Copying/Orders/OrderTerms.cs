using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>The parts of a working order a modification changes: its quantity and its prices.</summary>
public sealed record OrderTerms(int Quantity, decimal? LimitPrice, decimal? StopPrice, decimal? TrailAmount)
{
    public static OrderTerms Of(BrokerOrder order) => new(order.Quantity, order.LimitPrice, order.StopPrice, order.TrailAmount);

    public static OrderTerms Of(OrderRequest request) => new(request.Quantity, request.LimitPrice, request.StopPrice, request.TrailAmount);
}
