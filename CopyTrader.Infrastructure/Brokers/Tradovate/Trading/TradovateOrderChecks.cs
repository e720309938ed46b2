using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>What Tradovate requires of an order's fields (protocol file 1.9) [C], checked before anything is sent.</summary>
internal static class TradovateOrderChecks
{
    public static string? Problem(TradovateOrderTicket ticket)
    {
        if (ticket.AccountId <= 0)
        {
            return "accountId must be a positive id";
        }

        if (string.IsNullOrWhiteSpace(ticket.AccountSpec))
        {
            return "accountSpec (the account name) is required";
        }

        if (string.IsNullOrWhiteSpace(ticket.ClOrdId))
        {
            return "clOrdId is required: placement is made idempotent on it";
        }

        if (string.IsNullOrWhiteSpace(ticket.Symbol))
        {
            return "symbol is required";
        }

        return ticket.OrderQty <= 0
            ? $"orderQty must be positive, not {ticket.OrderQty}"
            : Prices(ticket.OrderType, ticket.Price, ticket.StopPrice, ticket.TimeInForce, ticket.ExpireTime);
    }

    public static string? Problem(TradovateBracket bracket, string name) =>
        Prices(bracket.OrderType, bracket.Price, bracket.StopPrice, bracket.TimeInForce, bracket.ExpireTime) is { } problem
            ? $"{name}: {problem}"
            : null;

    public static string? Problem(TradovateOrderChange change)
    {
        if (change.OrderId <= 0)
        {
            return "orderId must be a positive id";
        }

        return change.OrderQty <= 0
            ? $"orderQty must be positive, not {change.OrderQty}"
            : Prices(change.OrderType, change.Price, change.StopPrice, change.TimeInForce, change.ExpireTime);
    }

    private static string? Prices(OrderType type, decimal? price, decimal? stopPrice, TradovateTimeInForce? timeInForce, DateTimeOffset? expireTime)
    {
        var needsPrice = type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop;
        if (needsPrice != price.HasValue)
        {
            return needsPrice ? $"a {type} order needs price" : $"a {type} order takes no price";
        }

        if (needsStop != stopPrice.HasValue)
        {
            return needsStop ? $"a {type} order needs stopPrice" : $"a {type} order takes no stopPrice";
        }

        if ((timeInForce == TradovateTimeInForce.GTD) != expireTime.HasValue)
        {
            return timeInForce == TradovateTimeInForce.GTD ? "timeInForce GTD needs expireTime" : "expireTime is only for timeInForce GTD";
        }

        return null;
    }
}
