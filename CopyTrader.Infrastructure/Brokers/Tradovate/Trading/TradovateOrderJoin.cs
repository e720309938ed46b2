using System.Text.Json;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// Joins an <c>order</c> with its <c>orderVersion</c>s and <c>command</c>s (protocol file 1.8) [C]: the version with the
/// highest id holds the current quantity, type and prices; the clOrdId is the <c>New</c> command's (else the first
/// command's that has one). An order without any version is a problem, not an order of quantity zero.
/// </summary>
internal static class TradovateOrderJoin
{
    public static (TradovateOrderDetail?, string?) Join(JsonElement order, IReadOnlyList<JsonElement> versions, IReadOnlyList<JsonElement> commands)
    {
        var o = new TradovateEntityFields(order, "order");
        var orderId = o.Id("id");
        var accountId = o.Id("accountId");
        var contractId = o.Id("contractId");
        var timestamp = o.Timestamp("timestamp");
        var action = o.Action();
        var ordStatus = o.String("ordStatus");
        if (o.Problem is { } orderProblem)
        {
            return (null, orderProblem);
        }

        var latest = versions.Where(v => TradovateJsonRead.OptionalId(v, "orderId") == orderId)
            .OrderByDescending(v => TradovateJsonRead.OptionalId(v, "id"))
            .FirstOrDefault();
        if (latest.ValueKind != JsonValueKind.Object)
        {
            return (null, $"order {orderId} has no orderVersion");
        }

        var v = new TradovateEntityFields(latest, "orderVersion");
        var qty = v.WholeNumber("orderQty");
        var typeName = v.String("orderType");
        var price = v.OptionalDecimal("price");
        var stopPrice = v.OptionalDecimal("stopPrice");
        if (v.Problem is { } versionProblem)
        {
            return (null, versionProblem);
        }

        var tif = TradovateJsonRead.OptionalString(latest, "timeInForce") is { } tifName && Enum.TryParse<TradovateTimeInForce>(tifName, out var parsed)
            ? parsed
            : (TradovateTimeInForce?)null;
        return (new TradovateOrderDetail(
            orderId, accountId, contractId, timestamp, action, ordStatus, TradovateOrderMapper.StatusOf(ordStatus),
            qty, typeName, Wire.TradovateOrderPartsMapper.TypeOf(typeName), price, stopPrice, tif, ClOrdIdOf(orderId, commands),
            TradovateJsonRead.OptionalId(order, "ocoId"), TradovateJsonRead.OptionalId(order, "parentId")), null);
    }

    private static string? ClOrdIdOf(long orderId, IReadOnlyList<JsonElement> commands)
    {
        var mine = commands.Where(c => TradovateJsonRead.OptionalId(c, "orderId") == orderId && TradovateJsonRead.OptionalString(c, "clOrdId") is not null)
            .OrderBy(c => TradovateJsonRead.OptionalString(c, "commandType") == "New" ? 0 : 1)
            .ThenBy(c => TradovateJsonRead.OptionalId(c, "id"))
            .ToList();
        return mine.Count == 0 ? null : TradovateJsonRead.OptionalString(mine[0], "clOrdId");
    }
}
