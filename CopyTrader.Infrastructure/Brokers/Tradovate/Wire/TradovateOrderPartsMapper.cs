using System.Text.Json;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>An <c>orderVersion</c> (protocol file 1.8): the order's quantity, type, prices and time in force.</summary>
public sealed record TradovateOrderVersionState(
    long VersionId, long OrderId, int OrderQty, string OrderType, decimal? Price, decimal? StopPrice, decimal? PegDifference, string? TimeInForce);

/// <summary>A <c>command</c>: <see cref="ClOrdId"/> of the <c>New</c> command is the order's client order id.</summary>
public sealed record TradovateCommandState(long CommandId, long OrderId, DateTimeOffset TimeUtc, string CommandType, string? ClOrdId);

/// <summary>A <c>commandReport</c> or <c>executionReport</c>: where a rejection's reason and text are.</summary>
public sealed record TradovateReportState(long ReportId, long? CommandId, long? OrderId, DateTimeOffset TimeUtc, string? RejectReason, string? Text)
{
    /// <summary>The broker's own words: <c>"reason: text"</c>, either alone, or null when the report has neither.</summary>
    public string? Words => (RejectReason, Text) switch
    {
        ({ } reason, { } text) => $"{reason}: {text}",
        ({ } reason, null) => reason,
        (null, { } text) => text,
        _ => null,
    };
}

/// <summary>The parts of an order Tradovate keeps outside the <c>order</c> entity, and their Domain meaning.</summary>
public static class TradovateOrderPartsMapper
{
    public static TradovateWireResult<TradovateOrderVersionState> OrderVersion(JsonElement version)
    {
        var fields = new TradovateEntityFields(version, "orderVersion");
        var id = fields.Id("id");
        var orderId = fields.Id("orderId");
        var quantity = fields.WholeNumber("orderQty");
        var orderType = fields.String("orderType");
        var price = fields.OptionalDecimal("price");
        var stopPrice = fields.OptionalDecimal("stopPrice");
        var pegDifference = fields.OptionalDecimal("pegDifference");
        var timeInForce = fields.OptionalString("timeInForce");
        if (fields.Problem is { } problem)
        {
            return TradovateWireResult<TradovateOrderVersionState>.Malformed(problem);
        }

        return quantity > 0
            ? TradovateWireResult<TradovateOrderVersionState>.Ok(new(id, orderId, quantity, orderType, price, stopPrice, pegDifference, timeInForce))
            : TradovateWireResult<TradovateOrderVersionState>.Malformed($"orderVersion {id} has an orderQty of {quantity}, not a positive number");
    }

    public static TradovateWireResult<TradovateCommandState> Command(JsonElement command)
    {
        var fields = new TradovateEntityFields(command, "command");
        var id = fields.Id("id");
        var orderId = fields.Id("orderId");
        var time = fields.Timestamp("timestamp");
        var commandType = fields.String("commandType");
        var clOrdId = fields.OptionalString("clOrdId");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovateCommandState>.Malformed(problem)
            : TradovateWireResult<TradovateCommandState>.Ok(new(id, orderId, time, commandType, clOrdId));
    }

    /// <summary>A <c>commandReport</c>: names its command, not its order.</summary>
    public static TradovateWireResult<TradovateReportState> CommandReport(JsonElement report) => Report(report, "commandReport", commandRequired: true);

    /// <summary>An <c>executionReport</c>: names its order (and its command).</summary>
    public static TradovateWireResult<TradovateReportState> ExecutionReport(JsonElement report) => Report(report, "executionReport", commandRequired: false);

    /// <summary>Tradovate <c>orderType</c> to the Domain's; MIT, QTS and TrailingStopLimit have no equivalent (null).</summary>
    public static OrderType? TypeOf(string orderType) => orderType switch
    {
        "Market" => OrderType.Market,
        "Limit" => OrderType.Limit,
        "Stop" => OrderType.Stop,
        "StopLimit" => OrderType.StopLimit,
        "TrailingStop" => OrderType.TrailingStop,
        _ => null,
    };

    /// <summary>
    /// Tradovate <c>timeInForce</c> to the Domain's; absent is Day. GTD lives until its <c>expireTime</c>, which the
    /// Domain cannot express, so it reads as GoodTillCanceled. Anything else is null.
    /// </summary>
    public static TimeInForce? TimeInForceOf(string? timeInForce) => timeInForce switch
    {
        null or "Day" => TimeInForce.Day,
        "GTC" or "GTD" => TimeInForce.GoodTillCanceled,
        "IOC" => TimeInForce.ImmediateOrCancel,
        "FOK" => TimeInForce.FillOrKill,
        _ => null,
    };

    private static TradovateWireResult<TradovateReportState> Report(JsonElement report, string entityType, bool commandRequired)
    {
        var fields = new TradovateEntityFields(report, entityType);
        var id = fields.Id("id");
        long? commandId = commandRequired ? fields.Id("commandId") : fields.OptionalId("commandId");
        long? orderId = commandRequired ? fields.OptionalId("orderId") : fields.Id("orderId");
        var time = fields.Timestamp("timestamp");
        var rejectReason = fields.OptionalString("rejectReason");
        var text = fields.OptionalString("text");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovateReportState>.Malformed(problem)
            : TradovateWireResult<TradovateReportState>.Ok(new(id, commandId, orderId, time, rejectReason, text));
    }
}
