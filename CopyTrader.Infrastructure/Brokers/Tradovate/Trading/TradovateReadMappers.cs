using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Entity JSON to the read models (protocol file 1.8) [C]: a missing or mistyped required field is a problem, never a default.</summary>
internal static class TradovateReadMappers
{
    public static (TradovateAccount?, string?) Account(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "account");
        var id = f.Id("id");
        var name = f.String("name");
        return f.Problem is { } p ? (null, p) : (new TradovateAccount(id, name, TradovateJsonRead.OptionalBool(e, "active")), null);
    }

    public static (TradovatePosition?, string?) Position(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "position");
        var position = new TradovatePosition(
            f.Id("id"), f.Id("accountId"), f.Id("contractId"), f.WholeNumber("netPos"), f.OptionalDecimal("netPrice"), f.Timestamp("timestamp"));
        return f.Problem is { } p ? (null, p) : (position, null);
    }

    public static (TradovateFill?, string?) Fill(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "fill");
        var fill = new TradovateFill(
            f.Id("id"), f.Id("orderId"), f.Id("contractId"), f.Timestamp("timestamp"), f.Action(), f.WholeNumber("qty"), f.Decimal("price"),
            TradovateJsonRead.OptionalBool(e, "active"));
        return f.Problem is { } p ? (null, p) : (fill, null);
    }

    public static (TradovateCashBalanceSnapshot?, string?) CashBalance(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "cash balance snapshot");
        var snapshot = new TradovateCashBalanceSnapshot(
            f.Decimal("totalCashValue"),
            f.OptionalDecimal("netLiq"),
            f.OptionalDecimal("openPnL"),
            f.OptionalDecimal("realizedPnL"),
            f.OptionalDecimal("weekRealizedPnL"),
            f.OptionalDecimal("totalPnL"),
            f.OptionalDecimal("initialMargin"),
            f.OptionalDecimal("maintenanceMargin"));
        return f.Problem is { } p ? (null, p) : (snapshot, null);
    }

    /// <summary>The raw entity when it is an object with an integer <c>id</c> (for joins that read fields later).</summary>
    public static (JsonElement, string?) Entity(JsonElement e, string type)
    {
        var f = new TradovateEntityFields(e, type);
        f.Id("id");
        return (e, f.Problem);
    }
}
