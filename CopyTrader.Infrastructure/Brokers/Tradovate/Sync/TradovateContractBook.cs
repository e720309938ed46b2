namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>Contract id ↔ name (<c>MNQZ6</c>). Reference data: kept across sessions, never cleared.</summary>
internal sealed class TradovateContractBook
{
    private readonly Dictionary<long, string> _names = [];
    private readonly Dictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);

    public string? SymbolFor(long contractId) => _names.GetValueOrDefault(contractId);

    public long? IdFor(string symbol) => _ids.TryGetValue(symbol, out var id) ? id : null;

    /// <summary>Records a contract; true when it was new or renamed.</summary>
    public bool Add(long contractId, string name)
    {
        if (_names.TryGetValue(contractId, out var known) && known == name)
        {
            return false;
        }

        if (known is not null)
        {
            _ids.Remove(known);
        }

        _names[contractId] = name;
        _ids[name] = contractId;
        return true;
    }
}
