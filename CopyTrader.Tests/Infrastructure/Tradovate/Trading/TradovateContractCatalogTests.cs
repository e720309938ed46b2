using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

public sealed class TradovateContractCatalogTests
{
    private const string Contract = """{"id":2001,"name":"MNQZ6","contractMaturityId":3001,"status":"DefinitionChecked","providerTickSize":0.25}""";
    private const string Maturity = """{"id":3001,"productId":4001,"expirationMonth":12,"expirationDate":"2026-12-18T14:30:00Z","isFront":true,"archived":false}""";
    private const string Product = """{"id":4001,"name":"MNQ","currencyId":1,"productType":"Futures","description":"Micro E-mini Nasdaq-100","valuePerPoint":2,"tickSize":0.25,"months":"HMUZ"}""";

    [Fact]
    public async Task ResolvesAContractIdThroughItsMaturityToItsProductOnce()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/item", 200, Contract).Answer("contractMaturity/item", 200, Maturity).Answer("product/item", 200, Product);
        var catalog = new TradovateContractCatalog(h.Client);

        var first = await catalog.ResolveAsync(2001, CancellationToken.None);
        var second = await catalog.ResolveAsync(2001, CancellationToken.None);

        Assert.Equal(new TradovateContractSpec(2001, "MNQZ6", "MNQ", "Micro E-mini Nasdaq-100", 0.25m, 2m), first.Value);
        Assert.Same(first.Value, second.Value);
        Assert.Equal(["contract/item?id=2001", "contractMaturity/item?id=3001", "product/item?id=4001"], h.Server.Received.Select(r => $"{r.Path}?{r.Query}"));
    }

    [Fact]
    public async Task ResolvedSpecFeedsTheInstrumentCatalog()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/find", 200, Contract).Answer("contractMaturity/item", 200, Maturity)
            .Answer("product/item", 200, Product.Replace("\"valuePerPoint\":2", "\"valuePerPoint\":2.5", StringComparison.Ordinal));
        var instruments = InstrumentCatalog.Default;

        var spec = await new TradovateContractCatalog(h.Client).ResolveAsync("MNQZ6", CancellationToken.None);
        instruments.Report(spec.Value.ToInstrumentSpec());

        Assert.Equal(new InstrumentSpec("MNQ", "Micro E-mini Nasdaq-100", 0.25m, 2.5m), instruments.For("MNQZ6"));
    }

    [Fact]
    public async Task FindByNameIsCachedAndAlsoServesLookupsById()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/find", 200, Contract);
        var catalog = new TradovateContractCatalog(h.Client);

        var found = await catalog.FindContractAsync("MNQZ6", CancellationToken.None);
        var again = await catalog.FindContractAsync("mnqz6", CancellationToken.None);
        var byId = await catalog.GetContractAsync(2001, CancellationToken.None);

        Assert.Equal(new TradovateContract(2001, "MNQZ6", 3001), found.Value);
        Assert.Same(found.Value, again.Value);
        Assert.Same(found.Value, byId.Value);
        Assert.Equal("name=MNQZ6", h.Server.Received.Single().Query);
    }

    [Fact]
    public async Task NotFoundIsNotCached()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/find", 404).Answer("contract/find", 200, Contract);
        var catalog = new TradovateContractCatalog(h.Client);

        var missing = await catalog.FindContractAsync("MNQZ6", CancellationToken.None);
        var later = await catalog.FindContractAsync("MNQZ6", CancellationToken.None);

        Assert.Equal(TradovateErrorKind.NotFound, missing.Error!.Kind);
        Assert.Equal(2001, later.Value.Id);
        Assert.Equal(2, h.Server.Received.Count);
    }

    [Fact]
    public async Task NullAnswerIsNotFound()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("product/find", 200, "null");

        var result = await new TradovateContractCatalog(h.Client).FindProductAsync("ZZ", CancellationToken.None);

        Assert.Equal(TradovateErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task FailedStepIsNotCachedAndTheNextResolveAsksAgain()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contract/item", 200, Contract).Answer("contractMaturity/item", 500, "busy")
            .Answer("contractMaturity/item", 200, Maturity).Answer("product/item", 200, Product);
        var catalog = new TradovateContractCatalog(h.Client);

        var failed = await catalog.ResolveAsync(2001, CancellationToken.None);
        var resolved = await catalog.ResolveAsync(2001, CancellationToken.None);

        Assert.Equal("HTTP 500 InternalServerError: busy", failed.Error!.Message);
        Assert.Equal("MNQ", resolved.Value.Root);
        Assert.Single(h.Server.To("contract/item"));
        Assert.Equal(2, h.Server.To("contractMaturity/item").Count);
    }

    [Fact]
    public async Task SuggestIsNeverCachedButItsContractsAre()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        var list = $"[{Contract},{{\"id\":2002,\"name\":\"MNQH7\",\"contractMaturityId\":3002}}]";
        h.Server.Answer("contract/suggest", 200, list).Answer("contract/suggest", 200, list);
        var catalog = new TradovateContractCatalog(h.Client);

        var first = await catalog.SuggestContractsAsync("MNQ", 2, CancellationToken.None);
        await catalog.SuggestContractsAsync("MNQ", 2, CancellationToken.None);
        var byId = await catalog.GetContractAsync(2002, CancellationToken.None);

        Assert.Equal(["MNQZ6", "MNQH7"], first.Value.Select(c => c.Name));
        Assert.Equal("MNQH7", byId.Value.Name);
        Assert.Equal(["t=MNQ&l=2", "t=MNQ&l=2"], h.Server.To("contract/suggest").Select(r => r.Query));
        Assert.Equal(2, h.Server.Received.Count);
    }

    [Fact]
    public async Task ProductFindIsCachedByRoot()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("product/find", 200, Product);
        var catalog = new TradovateContractCatalog(h.Client);

        var product = await catalog.FindProductAsync("MNQ", CancellationToken.None);
        await catalog.FindProductAsync("MNQ", CancellationToken.None);
        var byId = await catalog.GetProductAsync(4001, CancellationToken.None);

        Assert.Equal(new TradovateProduct(4001, "MNQ", "Micro E-mini Nasdaq-100", 0.25m, 2m), product.Value);
        Assert.Same(product.Value, byId.Value);
        Assert.Single(h.Server.Received);
    }

    [Fact]
    public async Task ContractMaturityIsReadAndCached()
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("contractMaturity/item", 200, Maturity);
        var catalog = new TradovateContractCatalog(h.Client);

        var maturity = await catalog.GetContractMaturityAsync(3001, CancellationToken.None);
        await catalog.GetContractMaturityAsync(3001, CancellationToken.None);

        Assert.Equal(new TradovateContractMaturity(3001, 4001, 12, true), maturity.Value);
        Assert.Single(h.Server.Received);
    }

    [Theory]
    [InlineData("\"tickSize\":0.25", "\"tickSize\":0", "both must be positive")]
    [InlineData("\"valuePerPoint\":2,", "", "product has no \"valuePerPoint\"")]
    public async Task ProductWithoutUsableEconomicsIsMalformed(string from, string to, string problem)
    {
        await using var h = await TradovateRestHarness.StartAsync();
        h.Server.Answer("product/find", 200, Product.Replace(from, to, StringComparison.Ordinal));

        var result = await new TradovateContractCatalog(h.Client).FindProductAsync("MNQ", CancellationToken.None);

        Assert.Equal(TradovateErrorKind.Malformed, result.Error!.Kind);
        Assert.Contains(problem, result.Error.Message);
    }
}
