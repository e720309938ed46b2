using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

/// <summary>What the simulated exchange accepts, and at what price a working order fills.</summary>
internal static class SimulatorOrderRules
{
    public static string? Validate(OrderRequest request, InstrumentSpec spec)
    {
        if (request.Quantity <= 0)
        {
            return $"Quantity must be positive (got {request.Quantity}).";
        }

        return request.Type switch
        {
            OrderType.Limit when request.LimitPrice is null => "A limit order needs a limit price.",
            OrderType.Stop when request.StopPrice is null => "A stop order needs a stop price.",
            _ when OffTick(request.LimitPrice, spec) => $"Limit price {request.LimitPrice} is not a multiple of the tick size {spec.TickSize}.",
            _ when OffTick(request.StopPrice, spec) => $"Stop price {request.StopPrice} is not a multiple of the tick size {spec.TickSize}.",
            _ => null,
        };
    }

    /// <summary>The fill price at this market price, or null while the order keeps working.</summary>
    public static decimal? FillPrice(SimulatorOrder order, decimal market) => order.Type switch
    {
        OrderType.Market => market,
        OrderType.Limit when order.Side == Side.Buy && market <= order.LimitPrice => market,
        OrderType.Limit when order.Side == Side.Sell && market >= order.LimitPrice => market,
        OrderType.Stop when order.Side == Side.Buy && market >= order.StopPrice => market,
        OrderType.Stop when order.Side == Side.Sell && market <= order.StopPrice => market,
        _ => null,
    };

    private static bool OffTick(decimal? price, InstrumentSpec spec) => price is { } p && spec.RoundToTick(p) != p;
}
