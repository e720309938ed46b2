using System.Diagnostics.CodeAnalysis;

namespace CopyTrader.Domain.Instruments;

/// <summary>A futures contract symbol in the Tradovate form: root + month code + 1- or 2-digit year (MNQZ6, ESH27).</summary>
public sealed record FuturesSymbol(string Root, char MonthCode, string YearText)
{
    public const string MonthCodes = "FGHJKMNQUVXZ";

    public int Month => MonthCodes.IndexOf(MonthCode) + 1;

    public override string ToString() => $"{Root}{MonthCode}{YearText}";

    /// <summary>Parses against the catalog's known roots, so "MNQZ6" is MNQ, never "M" + "NQZ6".</summary>
    public static bool TryParse(string symbol, InstrumentCatalog catalog, [NotNullWhen(true)] out FuturesSymbol? parsed)
    {
        parsed = null;
        var s = symbol.Trim().ToUpperInvariant();
        for (var yearDigits = 1; yearDigits <= 2 && s.Length > yearDigits + 1; yearDigits++)
        {
            var yearText = s[^yearDigits..];
            var monthCode = s[^(yearDigits + 1)];
            var root = s[..^(yearDigits + 1)];
            if (!yearText.All(char.IsAsciiDigit) || !MonthCodes.Contains(monthCode) || !catalog.IsKnownRoot(root))
            {
                continue;
            }

            parsed = new FuturesSymbol(root, monthCode, yearText);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The front quarterly contract (H, M, U, Z) of an equity-index root on a date: the CME convention rolls
    /// eight calendar days before expiry on the third Friday of the contract month.
    /// </summary>
    public static FuturesSymbol FrontQuarterly(string root, DateOnly today)
    {
        for (var offset = 0; offset < 15; offset++)
        {
            var candidate = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
            if (candidate.Month % 3 != 0)
            {
                continue;
            }

            var rollDate = ThirdFriday(candidate.Year, candidate.Month).AddDays(-8);
            if (today < rollDate)
            {
                return new FuturesSymbol(root, MonthCodes[candidate.Month - 1], (candidate.Year % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException("No quarterly contract within 15 months."); // unreachable: one exists every 3 months
    }

    private static DateOnly ThirdFriday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var toFriday = ((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toFriday + 14);
    }
}
