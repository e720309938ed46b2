namespace CopyTrader.Domain.Trading;

public enum OrderStatus
{
    Working,
    PartiallyFilled,
    Filled,
    Canceled,
    Rejected,
}

public static class OrderStatusExtensions
{
    public static bool IsOpen(this OrderStatus status) => status is OrderStatus.Working or OrderStatus.PartiallyFilled;
}
