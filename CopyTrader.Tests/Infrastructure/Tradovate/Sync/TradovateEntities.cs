using System.Text.Json;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

/// <summary>Tradovate entities shaped as protocol file 1.8 describes them, as JSON text.</summary>
internal static class TradovateEntities
{
    public const long Account = 25;
    public const long OtherAccount = 26;
    public const long ContractId = 560901;
    public const string Symbol = "MNQZ6";
    public const long OtherContractId = 560902;
    public const string OtherSymbol = "ESZ6";

    public static readonly DateTimeOffset T0 = new(2026, 11, 4, 15, 0, 0, TimeSpan.Zero);

    public static string At(int seconds) => (T0 + TimeSpan.FromSeconds(seconds)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string AccountEntity(long id = Account, string name = "DEMO25") => Serialize(new { id, name, userId = 7001, accountType = "Customer", active = true });

    public static string ContractEntity(long id = ContractId, string name = Symbol) => Serialize(new { id, name, contractMaturityId = 48001 });

    public static string Order(
        long id, string ordStatus = "Working", string action = "Buy", long accountId = Account, long contractId = ContractId,
        long? ocoId = null, long? parentId = null, int at = 0) =>
        Serialize(new { id, accountId, contractId, timestamp = At(at), action, ordStatus, ocoId, parentId, admin = false });

    public static string Version(
        long id, long orderId, int orderQty = 1, string orderType = "Market", decimal? price = null, decimal? stopPrice = null,
        string? timeInForce = null, decimal? pegDifference = null) =>
        Serialize(new { id, orderId, orderQty, orderType, price, stopPrice, timeInForce, pegDifference });

    public static string Command(long id, long orderId, string? clOrdId = null, string commandType = "New", int at = 0) =>
        Serialize(new { id, orderId, timestamp = At(at), clOrdId, commandType, commandStatus = "AtExecution", isAutomated = true });

    public static string CommandReport(long id, long commandId, string? rejectReason = null, string? text = null, int at = 0) =>
        Serialize(new { id, commandId, timestamp = At(at), commandStatus = rejectReason is null ? "AtExecution" : "RiskRejected", rejectReason, text });

    public static string Fill(
        long id, long orderId, int qty = 1, decimal price = 21000.25m, string action = "Buy", long contractId = ContractId, int at = 0,
        (int Year, int Month, int Day)? tradeDate = null)
    {
        var date = tradeDate ?? (2026, 11, 4);
        return Serialize(new
        {
            id, orderId, contractId, timestamp = At(at), tradeDate = new { year = date.Year, month = date.Month, day = date.Day },
            action, qty, price, active = true, finallyPaired = 0,
        });
    }

    public static string Position(long id, int netPos, decimal? netPrice = 21000.25m, long accountId = Account, long contractId = ContractId, int at = 0) =>
        Serialize(new { id, accountId, contractId, timestamp = At(at), netPos, netPrice, bought = 0, sold = 0, prevPos = 0 });

    public static string CashBalance(long id, decimal amount, decimal? realizedPnL = null, long accountId = Account, int at = 0) =>
        Serialize(new { id, accountId, currencyId = 1, timestamp = At(at), amount, realizedPnL });

    /// <summary>A sync snapshot: <c>users</c> and <c>contractGroups</c> always, then the given arrays.</summary>
    public static string Snapshot(params (string Name, string[] Entities)[] arrays)
    {
        var parts = new List<string> { "\"users\":[{\"id\":7001,\"name\":\"DEMOUSER\"}]", "\"contractGroups\":[]" };
        parts.AddRange(arrays.Select(a => $"\"{a.Name}\":[{string.Join(",", a.Entities)}]"));
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>The usual start: both accounts and both contracts, nothing else.</summary>
    public static string ReferenceSnapshot(params (string Name, string[] Entities)[] more) => Snapshot(
        [("accounts", [AccountEntity(), AccountEntity(OtherAccount, "DEMO26")]),
         ("contracts", [ContractEntity(), ContractEntity(OtherContractId, OtherSymbol)]),
         .. more]);

    public static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static string Serialize(object value) => JsonSerializer.Serialize(value);
}
