using System.Globalization;
using CopyTrader.Domain.Copying;
using CsvHelper;

namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>The copy log export's columns, one record per entry, written with CsvHelper as RFC 4180 UTF-8.</summary>
internal static class CopyLogCsv
{
    public static readonly string[] Header =
    [
        "Time (UTC)", "Group", "Leader", "Follower", "Leader symbol", "Follower symbol", "Side", "Leader qty", "Follower qty",
        "Outcome", "Latency (ms)", "Broker order id", "Client order id", "Reason",
    ];

    /// <summary>
    /// Text a spreadsheet would run as a formula (a broker's reject reason starting with '=') is prefixed with a quote,
    /// so opening the export never executes it; numbers are not touched. The byte order mark makes Excel read the file
    /// as UTF-8 (account names such as "Demo follower ×2").
    /// </summary>
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
    };

    public static async Task WriteAsync(CsvWriter csv, CopyLogEntry entry, CopyLogNames names, CancellationToken ct)
    {
        csv.WriteField(entry.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        csv.WriteField(names.Group(entry.CopyGroupId));
        csv.WriteField(names.Account(entry.LeaderAccountId));
        csv.WriteField(names.Account(entry.FollowerAccountId));
        csv.WriteField(entry.LeaderSymbol);
        csv.WriteField(entry.Symbol);
        csv.WriteField(entry.Side?.ToString());
        csv.WriteField(entry.LeaderQuantity, "");
        csv.WriteField(entry.FollowerQuantity, "");
        csv.WriteField(entry.Outcome.ToString());
        csv.WriteField(entry.LatencyMs, "0.###");
        csv.WriteField(entry.BrokerOrderId);
        csv.WriteField(entry.ClientOrderId);
        csv.WriteField(entry.Reason);
        await csv.EndRecordAsync(ct);
    }
}
