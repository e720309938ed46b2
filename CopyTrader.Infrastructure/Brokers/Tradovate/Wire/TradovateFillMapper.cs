using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// Maps a Tradovate <c>fill</c> entity (<c>id, orderId, contractId, timestamp, action, qty, price</c>; protocol
/// file 1.8) to a <see cref="FillEvent"/>. The fill names neither its account nor its symbol, so both come
/// from <see cref="TradovateLookups"/>; an unknown order or contract is Unresolved.
/// </summary>
public static class TradovateFillMapper
{
    public static TradovateWireResult<FillEvent> Map(JsonElement fill, TradovateLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var fields = new TradovateEntityFields(fill, "fill");
        var id = fields.Id("id");
        var orderId = fields.Id("orderId");
        var contractId = fields.Id("contractId");
        var time = fields.Timestamp("timestamp");
        var side = fields.Action();
        var quantity = fields.WholeNumber("qty");
        var price = fields.Decimal("price");
        if (fields.Problem is { } problem)
        {
            return TradovateWireResult<FillEvent>.Malformed(problem);
        }

        if (quantity <= 0)
        {
            return TradovateWireResult<FillEvent>.Malformed($"fill {id} has a qty of {quantity}, not a positive number");
        }

        if (lookups.AccountForOrder(orderId) is not { } accountId)
        {
            return TradovateWireResult<FillEvent>.Unresolved($"fill {id} belongs to order {orderId}, whose account is not known");
        }

        if (lookups.SymbolForContract(contractId) is not { Length: > 0 } symbol)
        {
            return TradovateWireResult<FillEvent>.Unresolved($"fill {id} is for contract {contractId}, whose symbol is not known");
        }

        return TradovateWireResult<FillEvent>.Ok(new FillEvent(
            time,
            Text(accountId),
            Text(id),
            Text(orderId),
            lookups.ClientOrderIdForOrder?.Invoke(orderId),
            symbol,
            side,
            quantity,
            price));
    }

    internal static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
