using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// Reads. Positions and balances come from REST, the broker's own answer (what reconciliation needs); working orders come
/// from the synced stream (the REST join costs two requests per order out of the login's budget) and from REST while the
/// stream is down. A failed read throws with Tradovate's words; it is never an empty list.
/// </summary>
internal sealed partial class TradovateConnector
{
    private IReadOnlyList<TradovateAccount>? _accountList;

    public async Task<IReadOnlyList<BrokerAccount>> GetAccountsAsync(CancellationToken ct)
    {
        var accounts = await AccountListAsync(ct);
        return [.. accounts
            .Select(a => new BrokerAccount(Text(a.Id), a.Name))
            .Where(a => _accountIds.Count == 0 || _accountIds.Contains(a.AccountId))];
    }

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(string accountId, CancellationToken ct)
    {
        var positions = Checked(await _parts.Reader.GetPositionsAsync(Served(accountId), ct));
        var open = new List<BrokerPosition>();
        foreach (var position in positions.Where(p => p.NetPos != 0))
        {
            var symbol = await SymbolAsync(position.ContractId, ct);
            open.Add(new BrokerPosition(symbol, position.NetPos, position.NetPrice ?? 0m, 0m, 0m));
        }

        return open;
    }

    public async Task<IReadOnlyList<BrokerOrder>> GetWorkingOrdersAsync(string accountId, CancellationToken ct)
    {
        var account = Served(accountId);
        lock (_stateGate)
        {
            if (_state.IsSynced && State == BrokerConnectionState.Connected)
            {
                return _state.WorkingOrders(accountId);
            }
        }

        var orders = Checked(await _parts.Reader.GetOrdersAsync(account, workingOnly: true, ct));
        var working = new List<BrokerOrder>();
        foreach (var order in orders)
        {
            working.Add(TradovateOrderDetails.ToBrokerOrder(order, await SymbolAsync(order.ContractId, ct)));
        }

        return working;
    }

    public async Task<AccountBalance> GetBalanceAsync(string accountId, CancellationToken ct)
    {
        var cash = Checked(await _parts.Reader.GetCashBalanceSnapshotAsync(Served(accountId), ct));
        return new AccountBalance(cash.TotalCashValue, cash.RealizedPnL ?? 0m, cash.OpenPnL ?? 0m);
    }

    private async Task<string> AccountNameAsync(string accountId, CancellationToken ct)
    {
        lock (_stateGate)
        {
            if (_state.AccountName(accountId) is { } known)
            {
                return known;
            }
        }

        var accounts = await AccountListAsync(ct);
        return accounts.FirstOrDefault(a => Text(a.Id) == accountId)?.Name
            ?? throw new InvalidOperationException($"Tradovate login {_parts.LoginKey} has no account {accountId}.");
    }

    private async Task<IReadOnlyList<TradovateAccount>> AccountListAsync(CancellationToken ct) =>
        _accountList ??= Checked(await _parts.Reader.GetAccountsAsync(ct));

    private async Task<string> SymbolAsync(long contractId, CancellationToken ct)
    {
        lock (_stateGate)
        {
            if (_state.SymbolFor(contractId) is { } known)
            {
                return known;
            }
        }

        var spec = Checked(await _parts.Contracts.ResolveAsync(contractId, ct));
        _parts.Instruments.Report(spec.ToInstrumentSpec());
        return spec.Symbol;
    }

    private async Task<BrokerOrder?> WorkingOrderAsync(string accountId, string brokerOrderId, CancellationToken ct) =>
        (await GetWorkingOrdersAsync(accountId, ct)).FirstOrDefault(o => o.BrokerOrderId == brokerOrderId);
}
