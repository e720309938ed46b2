using System.Globalization;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Web.Components.Pages.Ticket;

/// <summary>Field checks the ticket shows while typing; the service refuses a bad ticket again on its own.</summary>
public static class TicketFormRules
{
    public static string? ContractProblem(string? text, InstrumentCatalog catalog)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null; // Required says so
        }

        return FuturesSymbol.TryParse(trimmed, catalog, out _)
            ? null
            : $"'{trimmed}' is not a futures contract CopyTrader knows: root, month code and year, e.g. MNQZ6 or ESH7.";
    }

    public static string? QuantityProblem(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null; // Required says so
        }

        if (!TryQuantity(trimmed, out var quantity))
        {
            return $"The quantity must be a whole number of contracts (got '{trimmed}').";
        }

        return quantity < 1 ? $"The quantity must be at least 1 (got {quantity})." : null;
    }

    /// <summary>A whole number, sign allowed so that 0 and negatives get their own message.</summary>
    public static bool TryQuantity(string? text, out int quantity) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out quantity);
}
