using System.Globalization;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Web.Components.Pages.Cockpit;

/// <summary>
/// Shows or masks what a trader may not want on a shared or streamed screen: account names and numbers, balances
/// and P&amp;L. Masked free text (broker reasons, notices) has every known account name and number blanked out.
/// Immutable; the cockpit makes a new one when the switch or the accounts change.
/// </summary>
public sealed class SensitiveMask
{
    public const string Dots = "•••••";

    /// <summary>Shows everything.</summary>
    public static readonly SensitiveMask None = new(false, []);

    private readonly string[] _secrets;

    private SensitiveMask(bool hidden, string[] secrets)
    {
        Hidden = hidden;
        _secrets = secrets;
    }

    public bool Hidden { get; }

    public static SensitiveMask For(CopyConfigSnapshot config, bool hide) =>
        hide
            ? new(true, config.Accounts.SelectMany(a => new[] { a.DisplayName, a.ExternalId })
                .Where(s => s.Length >= 3).Distinct().OrderByDescending(s => s.Length).ToArray())
            : None;

    /// <summary>An account's name, or its internal number (which tells nobody anything) when masked.</summary>
    public string AccountName(int accountId, string? name) => Hidden ? $"Account #{accountId}" : name ?? $"#{accountId}";

    /// <summary>The broker's account number.</summary>
    public string AccountNumber(string number) => Hidden ? Dots : number;

    public string Money(decimal? value) =>
        Hidden ? "$" + Dots : value is { } v ? v.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>The green/red class of a P&amp;L; none when masked, since the colour gives the sign away.</summary>
    public string? PnlClass(decimal? value) => Hidden || value is null ? null : value >= 0 ? "pnl-up" : "pnl-down";

    public string? Text(string? text)
    {
        if (!Hidden || string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Dots, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
