using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Contract, contractMaturity and product JSON (protocol file 1.8) [C] to the catalog models.</summary>
internal static class TradovateCatalogMappers
{
    public static (TradovateContract?, string?) Contract(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "contract");
        var contract = new TradovateContract(f.Id("id"), f.String("name"), f.Id("contractMaturityId"));
        return f.Problem is { } p ? (null, p) : (contract, null);
    }

    public static (TradovateContractMaturity?, string?) Maturity(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "contractMaturity");
        var id = f.Id("id");
        var productId = f.Id("productId");
        var month = TradovateJsonRead.OptionalId(e, "expirationMonth") is { } m && m is >= int.MinValue and <= int.MaxValue ? (int?)m : null;
        return f.Problem is { } p ? (null, p) : (new TradovateContractMaturity(id, productId, month, TradovateJsonRead.OptionalBool(e, "isFront")), null);
    }

    public static (TradovateProduct?, string?) Product(JsonElement e)
    {
        var f = new TradovateEntityFields(e, "product");
        var product = new TradovateProduct(
            f.Id("id"), f.String("name"), TradovateJsonRead.OptionalString(e, "description"), f.Decimal("tickSize"), f.Decimal("valuePerPoint"));
        if (f.Problem is { } p)
        {
            return (null, p);
        }

        return product.TickSize > 0m && product.ValuePerPoint > 0m
            ? (product, null)
            : (null, $"product {product.Name} has tickSize {product.TickSize} and valuePerPoint {product.ValuePerPoint}; both must be positive");
    }
}
