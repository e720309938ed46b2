using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

/// <summary>State of one paper account inside the <see cref="SimulatorExchange"/>; guarded by the exchange's lock.</summary>
internal sealed class SimulatorAccount(string id, decimal startingBalance)
{
    public string Id { get; } = id;
    public decimal Cash { get; set; } = startingBalance;
    public decimal RealizedPnl { get; set; }
    public Dictionary<string, Position> Positions { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, SimulatorOrder> Orders { get; } = [];

    public Position PositionIn(string symbol)
    {
        if (!Positions.TryGetValue(symbol, out var position))
        {
            position = new Position(symbol);
            Positions[symbol] = position;
        }

        return position;
    }
}

internal sealed class SimulatorOrder
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public string? ClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public required Side Side { get; init; }
    public required OrderType Type { get; init; }
    public int Quantity { get; set; }
    public int FilledQuantity { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Working;
    public string? Reason { get; set; }

    /// <summary>A bracket leg: held until this entry order has filled, canceled with it.</summary>
    public string? ParentOrderId { get; init; }

    /// <summary>Orders of one group cancel each other when one fills (native OCO).</summary>
    public string? OcoGroupId { get; init; }
}
