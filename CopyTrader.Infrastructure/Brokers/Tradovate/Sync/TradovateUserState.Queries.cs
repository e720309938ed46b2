using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>
/// Reads for the connector. Account data throws <see cref="InvalidOperationException"/> rather than answer "nothing"
/// before the session's snapshot is complete or while some of the account's entities wait for a contract, and
/// <see cref="ArgumentException"/> for an account this connection does not serve.
/// </summary>
public sealed partial class TradovateUserState
{
    /// <summary>Every account the snapshots named (served or not), by id; <c>Name</c> is the <c>accountSpec</c> of <c>order/placeorder</c>.</summary>
    public IReadOnlyList<BrokerAccount> Accounts
    {
        get
        {
            if (!_hadSnapshot)
            {
                throw new InvalidOperationException("No Tradovate snapshot has arrived yet, so the accounts are not known.");
            }

            return [.. _accounts.OrderBy(a => a.Key).Select(a => new BrokerAccount(TradovateFillMapper.Text(a.Key), a.Value))];
        }
    }

    /// <summary>The account's name (its <c>accountSpec</c>), or null when no snapshot or props named it.</summary>
    public string? AccountName(string accountId) =>
        long.TryParse(accountId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? _accounts.GetValueOrDefault(id)
            : null;

    /// <summary>The account's open positions, by symbol.</summary>
    public IReadOnlyList<BrokerPosition> Positions(string accountId)
    {
        var id = RequireReadable(accountId, TradovatePendingKind.Position);
        return [.. _book.Positions.Values
            .Where(p => p.AccountId == id)
            .GroupBy(p => p.ContractId)
            .Select(g => g.MaxBy(p => p.TimeUtc)!)
            .Where(p => p.NetPos != 0)
            .Select(p => p.ToEvent(openPnl: 0m, realizedPnl: 0m).Position)
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)];
    }

    /// <summary>The account's working (and partially filled) orders, by order id. An order whose version has not arrived is not among them.</summary>
    public IReadOnlyList<BrokerOrder> WorkingOrders(string accountId)
    {
        var id = RequireReadable(accountId, TradovatePendingKind.Order);
        return [.. _book.Orders.Values
            .Where(o => o.AccountId == id)
            .OrderBy(o => o.OrderId)
            .Select(o => _shownOrders.GetValueOrDefault(o.OrderId))
            .OfType<BrokerOrder>()
            .Where(o => o.Status.IsOpen())];
    }

    /// <summary>An order as last shown, whatever its status (a bracket leg needs to know whether its entry filled); null when unknown.</summary>
    public BrokerOrder? Order(string brokerOrderId) =>
        long.TryParse(brokerOrderId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? _shownOrders.GetValueOrDefault(id)
            : null;

    /// <summary>The account's newest cash balance (open P&amp;L is not on the wire: 0), or null when none has arrived.</summary>
    public AccountBalance? Balance(string accountId)
    {
        var id = RequireReadable(accountId, kind: null);
        return _book.CashBalances.Values.Where(b => b.AccountId == id).MaxBy(b => b.TimeUtc)?.ToEvent(openPnl: 0m).Balance;
    }

    /// <summary>The contract id of a symbol (e.g. <c>MNQZ6</c>), or null when no contract of that name is known.</summary>
    public long? ContractIdFor(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return _contracts.IdFor(symbol);
    }

    /// <summary>The symbol of a contract id, or null when it is not known (fetch it and call <c>AddContract</c>).</summary>
    public string? SymbolFor(long contractId) => _contracts.SymbolFor(contractId);

    private long RequireReadable(string accountId, TradovatePendingKind? kind)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var id = long.TryParse(accountId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && InScope(n)
            ? n
            : throw new ArgumentException($"Tradovate account {accountId} is not served by this connection.", nameof(accountId));
        if (!IsSynced)
        {
            throw new InvalidOperationException($"Tradovate account {accountId}: the session's snapshot is not complete yet.");
        }

        if (kind is { } waitingKind && _pending.InOrder.FirstOrDefault(e => e.Kind == waitingKind && e.MissingContractId is not null && AccountOf(e) == id) is { } waiting)
        {
            throw new InvalidOperationException($"Tradovate account {accountId} is not complete: {waiting.Reason}.");
        }

        return id;
    }

    private long? AccountOf(TradovatePendingEntry entry) => entry.Kind switch
    {
        TradovatePendingKind.Order => AccountOfOrder(entry.EntityId),
        TradovatePendingKind.Position => TradovateAccountStateMapper.ReadPosition(entry.Entity!.Value).Value?.AccountId,
        _ => null,
    };
}
