using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// A manual order on a leader (BUY / SELL a quantity, or CLOSE its position in the contract); the followers get
/// their copies from the leader's fill like any leader trade. <see cref="Quantity"/> is not used by CLOSE.
/// </summary>
public sealed record TradeRequest
{
    public required int LeaderAccountId { get; init; }
    public required string Symbol { get; init; }
    public required TicketAction Action { get; init; }
    public int? Quantity { get; init; }

    public FieldErrors Check(InstrumentCatalog catalog)
    {
        var errors = new FieldErrors();
        var symbol = Symbol?.Trim() ?? "";
        errors.AddIf(symbol.Length == 0, "symbol", "Choose a contract, e.g. MNQZ6.");
        errors.AddIf(symbol.Length > 0 && !FuturesSymbol.TryParse(symbol.ToUpperInvariant(), catalog, out _), "symbol",
            $"'{symbol}' is not a futures contract CopyTrader knows: root, month code and year, e.g. MNQZ6 or ESH7.");
        if (Action != TicketAction.Close)
        {
            errors.AddIf(Quantity is null, "quantity", $"Required for {Action.ToString().ToUpperInvariant()}.");
            errors.AddIf(Quantity < 1, "quantity", $"The quantity must be at least 1 (got {Quantity}).");
        }

        return errors;
    }

    public TicketOrder ToOrder() => new(LeaderAccountId, Symbol.Trim().ToUpperInvariant(), Action, Action == TicketAction.Close ? 0 : Quantity ?? 0);
}

/// <summary>The leader order the broker accepted; the followers' copies appear in the copy log as they complete.</summary>
public sealed record TradeResultDto(bool Accepted, string? BrokerOrderId, double? LatencyMs);
