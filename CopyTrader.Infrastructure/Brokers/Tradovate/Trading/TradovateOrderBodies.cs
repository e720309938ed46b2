using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>The JSON bodies of the order endpoints, fields in the order of protocol file 1.9 [C]; absent optionals are not written.</summary>
internal static class TradovateOrderBodies
{
    public static TradovateJsonBody Place(TradovateOrderTicket ticket) => new(w => WriteOrder(w, ticket));

    public static TradovateJsonBody PlaceOso(TradovateOrderTicket ticket, TradovateBracket bracket1, TradovateBracket? bracket2) => new(w =>
    {
        WriteOrder(w, ticket);
        WriteBracket(w, "bracket1", bracket1);
        if (bracket2 is not null)
        {
            WriteBracket(w, "bracket2", bracket2);
        }
    });

    public static TradovateJsonBody PlaceOco(TradovateOrderTicket ticket, TradovateBracket other) => new(w =>
    {
        WriteOrder(w, ticket);
        WriteBracket(w, "other", other);
    });

    public static TradovateJsonBody Modify(TradovateOrderChange change) => new(w =>
    {
        w.WriteNumber("orderId", change.OrderId);
        w.WriteNumber("orderQty", change.OrderQty);
        w.WriteString("orderType", Name(change.OrderType));
        WritePrices(w, change.Price, change.StopPrice, change.TimeInForce, change.ExpireTime);
        w.WriteBoolean("isAutomated", true);
    });

    public static TradovateJsonBody Cancel(long orderId) => new(w =>
    {
        w.WriteNumber("orderId", orderId);
        w.WriteBoolean("isAutomated", true);
    });

    public static TradovateJsonBody Liquidate(long accountId, long contractId) => new(w =>
    {
        w.WriteNumber("accountId", accountId);
        w.WriteNumber("contractId", contractId);
        w.WriteBoolean("admin", false);
    });

    /// <summary>Tradovate's <c>orderType</c> names match the Domain's (<c>TrailingStop</c>, not the tutorial's typo) [C].</summary>
    public static string Name(OrderType type) => type switch
    {
        OrderType.Market => "Market",
        OrderType.Limit => "Limit",
        OrderType.Stop => "Stop",
        OrderType.StopLimit => "StopLimit",
        OrderType.TrailingStop => "TrailingStop",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Tradovate order type."),
    };

    private static void WriteOrder(Utf8JsonWriter w, TradovateOrderTicket ticket)
    {
        w.WriteString("accountSpec", ticket.AccountSpec);
        w.WriteNumber("accountId", ticket.AccountId);
        w.WriteString("clOrdId", ticket.ClOrdId);
        w.WriteString("action", Action(ticket.Action));
        w.WriteString("symbol", ticket.Symbol);
        w.WriteNumber("orderQty", ticket.OrderQty);
        w.WriteString("orderType", Name(ticket.OrderType));
        WritePrices(w, ticket.Price, ticket.StopPrice, ticket.TimeInForce, ticket.ExpireTime);
        w.WriteBoolean("isAutomated", true);
    }

    private static void WriteBracket(Utf8JsonWriter w, string name, TradovateBracket bracket)
    {
        w.WriteStartObject(name);
        w.WriteString("action", Action(bracket.Action));
        if (bracket.ClOrdId is not null)
        {
            w.WriteString("clOrdId", bracket.ClOrdId);
        }

        w.WriteString("orderType", Name(bracket.OrderType));
        WritePrices(w, bracket.Price, bracket.StopPrice, bracket.TimeInForce, bracket.ExpireTime);
        w.WriteEndObject();
    }

    private static void WritePrices(Utf8JsonWriter w, decimal? price, decimal? stopPrice, TradovateTimeInForce? timeInForce, DateTimeOffset? expireTime)
    {
        if (price is { } p)
        {
            w.WriteNumber("price", p);
        }

        if (stopPrice is { } s)
        {
            w.WriteNumber("stopPrice", s);
        }

        if (timeInForce is { } tif)
        {
            w.WriteString("timeInForce", tif.ToString());
        }

        if (expireTime is { } expire)
        {
            w.WriteString("expireTime", expire.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }

    private static string Action(Side side) => side == Side.Buy ? "Buy" : "Sell";
}
