using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Operations;

namespace CopyTrader.Web.Components.Pages.Ticket;

/// <summary>What the ticket form binds to; <see cref="ToOrder"/> is what goes to the service once the form is valid.</summary>
public sealed class TicketFormModel
{
    public int? LeaderAccountId { get; set; }

    public string Contract { get; set; } = "";

    public string Quantity { get; set; } = "1";

    /// <summary>The contract in the broker's spelling (MNQZ6 for " mnqz6 "), the quantity as a number (unused by CLOSE).</summary>
    public TicketOrder ToOrder(TicketAction action, InstrumentCatalog catalog)
    {
        var symbol = FuturesSymbol.TryParse(Contract, catalog, out var parsed) ? parsed.ToString() : Contract.Trim();
        var quantity = action == TicketAction.Close ? 0 : TicketFormRules.TryQuantity(Quantity, out var q) ? q : 0;
        return new TicketOrder(LeaderAccountId ?? 0, symbol, action, quantity);
    }
}
