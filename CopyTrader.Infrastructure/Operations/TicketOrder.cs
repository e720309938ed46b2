namespace CopyTrader.Infrastructure.Operations;

public enum TicketAction
{
    Buy,
    Sell,

    /// <summary>Close the leader's whole position in the contract; the quantity is the broker's.</summary>
    Close,
}

/// <summary>What the user asked of a leader from the manual ticket. <see cref="Quantity"/> is unused for <see cref="TicketAction.Close"/>.</summary>
public sealed record TicketOrder(int LeaderAccountId, string Symbol, TicketAction Action, int Quantity)
{
    public override string ToString() => Action == TicketAction.Close ? $"CLOSE {Symbol}" : $"{Action.ToString().ToUpperInvariant()} {Quantity} {Symbol}";
}

public static class ManualTicketServiceExtensions
{
    public static Task<TicketResult> SendAsync(this IManualTicketService tickets, TicketOrder order, CancellationToken ct = default) => order.Action switch
    {
        TicketAction.Buy => tickets.BuyAsync(order.LeaderAccountId, order.Symbol, order.Quantity, ct),
        TicketAction.Sell => tickets.SellAsync(order.LeaderAccountId, order.Symbol, order.Quantity, ct),
        TicketAction.Close => tickets.CloseAsync(order.LeaderAccountId, order.Symbol, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Action, "Unknown ticket action."),
    };
}
