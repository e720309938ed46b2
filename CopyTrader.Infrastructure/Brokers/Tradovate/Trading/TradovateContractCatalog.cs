using System.Collections.Concurrent;
using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// Contract and product lookups (protocol file 1.9) [C] for one login, cached for the life of the instance: a contract
/// (and its maturity and product) never changes, so each is fetched once. Failures and 404s are not cached, so a later
/// lookup asks again. <c>contract/suggest</c> is never cached (the most relevant contract moves with the roll).
/// </summary>
public sealed class TradovateContractCatalog(TradovateRestClient rest)
{
    private readonly ConcurrentDictionary<long, TradovateContract> _contracts = new();
    private readonly ConcurrentDictionary<string, TradovateContract> _contractsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, TradovateContractMaturity> _maturities = new();
    private readonly ConcurrentDictionary<long, TradovateProduct> _products = new();
    private readonly ConcurrentDictionary<string, TradovateProduct> _productsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, TradovateContractSpec> _specs = new();

    /// <summary><c>GET contract/find?name=</c> (e.g. <c>MNQZ6</c>).</summary>
    public Task<TradovateResult<TradovateContract>> FindContractAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CachedAsync(_contractsByName, name, TradovateRestRequest.Get("contract/find", ("name", name)), TradovateCatalogMappers.Contract, Remember, ct);
    }

    /// <summary><c>GET contract/item?id=</c>.</summary>
    public Task<TradovateResult<TradovateContract>> GetContractAsync(long id, CancellationToken ct) =>
        CachedAsync(_contracts, id, TradovateRestRequest.Get("contract/item", ("id", id)), TradovateCatalogMappers.Contract, Remember, ct);

    /// <summary><c>GET contract/suggest?t=&amp;l=</c>: contracts matching the text, most relevant first. Not cached.</summary>
    public async Task<TradovateResult<IReadOnlyList<TradovateContract>>> SuggestContractsAsync(string text, int limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var request = TradovateRestRequest.Get("contract/suggest", ("t", text), ("l", limit));
        var answer = await rest.SendAsync(request, ct);
        var contracts = answer.Then(body => TradovateJsonRead.Array(request.Target, body, TradovateCatalogMappers.Contract));
        if (contracts.IsSuccess)
        {
            foreach (var contract in contracts.Value)
            {
                Remember(contract);
            }
        }

        return contracts;
    }

    /// <summary><c>GET product/find?name=</c> (a root, e.g. <c>NQ</c>).</summary>
    public Task<TradovateResult<TradovateProduct>> FindProductAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CachedAsync(_productsByName, name, TradovateRestRequest.Get("product/find", ("name", name)), TradovateCatalogMappers.Product, Remember, ct);
    }

    /// <summary><c>GET product/item?id=</c>.</summary>
    public Task<TradovateResult<TradovateProduct>> GetProductAsync(long id, CancellationToken ct) =>
        CachedAsync(_products, id, TradovateRestRequest.Get("product/item", ("id", id)), TradovateCatalogMappers.Product, Remember, ct);

    /// <summary><c>GET contractMaturity/item?id=</c>.</summary>
    public Task<TradovateResult<TradovateContractMaturity>> GetContractMaturityAsync(long id, CancellationToken ct) =>
        CachedAsync(_maturities, id, TradovateRestRequest.Get("contractMaturity/item", ("id", id)), TradovateCatalogMappers.Maturity, m => _maturities[m.Id] = m, ct);

    /// <summary>A contract id's symbol, root, tick size and value per point: contract → contractMaturity → product.</summary>
    public async Task<TradovateResult<TradovateContractSpec>> ResolveAsync(long contractId, CancellationToken ct)
    {
        if (_specs.TryGetValue(contractId, out var cached))
        {
            return TradovateResult<TradovateContractSpec>.Ok(cached);
        }

        var contract = await GetContractAsync(contractId, ct);
        return contract.IsSuccess ? await ResolveAsync(contract.Value, ct) : TradovateResult<TradovateContractSpec>.Fail(contract.Error);
    }

    /// <summary>The same by contract name (e.g. <c>MNQZ6</c>): <c>contract/find</c> first.</summary>
    public async Task<TradovateResult<TradovateContractSpec>> ResolveAsync(string contractName, CancellationToken ct)
    {
        var contract = await FindContractAsync(contractName, ct);
        return contract.IsSuccess ? await ResolveAsync(contract.Value, ct) : TradovateResult<TradovateContractSpec>.Fail(contract.Error);
    }

    private async Task<TradovateResult<TradovateContractSpec>> ResolveAsync(TradovateContract contract, CancellationToken ct)
    {
        if (_specs.TryGetValue(contract.Id, out var cached))
        {
            return TradovateResult<TradovateContractSpec>.Ok(cached);
        }

        var maturity = await GetContractMaturityAsync(contract.ContractMaturityId, ct);
        if (!maturity.IsSuccess)
        {
            return TradovateResult<TradovateContractSpec>.Fail(maturity.Error);
        }

        var product = await GetProductAsync(maturity.Value.ProductId, ct);
        if (!product.IsSuccess)
        {
            return TradovateResult<TradovateContractSpec>.Fail(product.Error);
        }

        var p = product.Value;
        var spec = new TradovateContractSpec(contract.Id, contract.Name, p.Name, p.Description ?? p.Name, p.TickSize, p.ValuePerPoint);
        _specs[contract.Id] = spec;
        return TradovateResult<TradovateContractSpec>.Ok(spec);
    }

    private async Task<TradovateResult<T>> CachedAsync<TKey, T>(
        ConcurrentDictionary<TKey, T> cache,
        TKey key,
        TradovateRestRequest request,
        Func<JsonElement, (T?, string?)> map,
        Action<T> remember,
        CancellationToken ct)
        where TKey : notnull
        where T : class
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return TradovateResult<T>.Ok(cached);
        }

        var answer = await rest.SendAsync(request, ct);
        var result = answer.Then(body => TradovateJsonRead.Entity(request.Target, body, map));
        if (result.IsSuccess)
        {
            remember(result.Value);
        }

        return result;
    }

    private void Remember(TradovateContract contract)
    {
        _contracts[contract.Id] = contract;
        _contractsByName[contract.Name] = contract;
    }

    private void Remember(TradovateProduct product)
    {
        _products[product.Id] = product;
        _productsByName[product.Name] = product;
    }
}
