using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>An entity known by id and name: a <c>contract</c> (<c>MNQZ6</c>) or an <c>account</c> (<c>DEMO25</c>).</summary>
public sealed record TradovateNamedEntity(long Id, string Name);

/// <summary>Reference entities (protocol file 1.8): contracts give fills and orders their symbol, accounts their name.</summary>
public static class TradovateReferenceMapper
{
    public static TradovateWireResult<TradovateNamedEntity> Contract(JsonElement contract) => Named(contract, "contract");

    /// <summary>An account; its <c>name</c> is the <c>accountSpec</c> that <c>order/placeorder</c> needs.</summary>
    public static TradovateWireResult<TradovateNamedEntity> Account(JsonElement account) => Named(account, "account");

    private static TradovateWireResult<TradovateNamedEntity> Named(JsonElement entity, string entityType)
    {
        var fields = new TradovateEntityFields(entity, entityType);
        var id = fields.Id("id");
        var name = fields.String("name");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovateNamedEntity>.Malformed(problem)
            : TradovateWireResult<TradovateNamedEntity>.Ok(new(id, name));
    }
}
