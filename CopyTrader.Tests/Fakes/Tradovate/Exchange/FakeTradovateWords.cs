namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>Wire words of the protocol file (1.8, 1.9) the fake uses.</summary>
public static class FakeTradovateWords
{
    public const string Buy = "Buy";
    public const string Sell = "Sell";

    public const string Market = "Market";
    public const string Limit = "Limit";
    public const string Stop = "Stop";
    public const string StopLimit = "StopLimit";

    public const string PendingNew = "PendingNew";
    public const string Working = "Working";
    public const string Suspended = "Suspended";
    public const string PendingReplace = "PendingReplace";
    public const string PendingCancel = "PendingCancel";
    public const string Filled = "Filled";
    public const string Canceled = "Canceled";
    public const string Rejected = "Rejected";

    public const string Created = "Created";
    public const string Updated = "Updated";

    public static readonly IReadOnlySet<string> OrderTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        Market, Limit, Stop, StopLimit, "MIT", "QTS", "TrailingStop", "TrailingStopLimit",
    };

    public static bool IsLive(string ordStatus) => ordStatus is PendingNew or Working or Suspended or PendingReplace or PendingCancel;
}
