using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Tradovate.FakeExchangeCompatibility;

/// <summary>
/// The production REST trading client against the fake exchange: checks that the two read each other's shapes
/// (bodies, results, entity reads) so broker contract tests can build on the pair.
/// </summary>
public class ProductionClientAgainstFakeExchange : IAsyncLifetime
{
    private const string Environment = "fake";
    private FakeTradovateServer _server = null!;
    private ServiceProvider _services = null!;
    private TradovateRestClient _rest = null!;

    private static long AccountId => FakeTradovateSnapshot.AccountId;

    public async Task InitializeAsync()
    {
        _server = await FakeTradovateServer.StartAsync(FakeTradovateOptions.ForExchange());
        var settings = new Dictionary<string, string?>
        {
            [$"Tradovate:Environments:{Environment}:RestBaseUrl"] = _server.RestBaseUrl.ToString(),
            [$"Tradovate:Environments:{Environment}:WebSocketUrl"] = _server.WebSocketUrl.ToString(),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(TimeProvider.System)
            .AddLogging();
        services.AddTradovate();
        _services = services.BuildServiceProvider();
        _rest = _services.GetRequiredService<TradovateRestClientFactory>().For(Environment, "joe", new FixedToken());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PlacesReadsAndLiquidatesThroughTheProductionClient()
    {
        var orders = new TradovateOrderClient(_rest);
        var reader = new TradovateAccountReader(_rest);

        var placed = (await orders.PlaceOrderAsync(Ticket("ct-1", Side.Buy, 2, OrderType.Market), null, CancellationToken.None)).GetValueOrThrow();
        var limit = (await orders.PlaceOrderAsync(Ticket("ct-2", Side.Sell, 2, OrderType.Limit) with { Price = 21_100m }, null, CancellationToken.None)).GetValueOrThrow();
        var modified = await orders.ModifyOrderAsync(new TradovateOrderChange(limit.OrderId, 2, OrderType.Limit, 21_120m), null, CancellationToken.None);
        var positions = (await reader.GetPositionsAsync(AccountId, CancellationToken.None)).GetValueOrThrow();
        var working = (await reader.GetOrdersAsync(AccountId, workingOnly: true, CancellationToken.None)).GetValueOrThrow();
        var fills = (await reader.GetFillsAsync(placed.OrderId, CancellationToken.None)).GetValueOrThrow();
        var liquidated = await orders.LiquidatePositionAsync(AccountId, _server.Exchange.Contract("NQZ6").Id, CancellationToken.None);

        Assert.True(modified.IsSuccess, modified.ToString());
        Assert.Equal((2, 21_000m), (Assert.Single(positions).NetPos, positions[0].NetPrice));
        var detail = Assert.Single(working);
        Assert.Equal((limit.OrderId, "ct-2", 21_120m, "Working"), (detail.OrderId, detail.ClOrdId, detail.Price, detail.OrdStatus));
        Assert.Equal((Side.Buy, 2, 21_000m), (Assert.Single(fills).Action, fills[0].Qty, fills[0].Price));
        Assert.True(liquidated.IsSuccess, liquidated.ToString());
        Assert.Equal(0, _server.Exchange.NetPosOf(AccountId, "NQZ6"));
        Assert.Equal("Canceled", _server.Exchange.Order(limit.OrderId).OrdStatus);
        Assert.Empty(_server.ApiViolations);
    }

    [Fact]
    public async Task BracketsFailuresAndCatalogReadTheFakesShapes()
    {
        var orders = new TradovateOrderClient(_rest);
        var catalog = new TradovateContractCatalog(_rest);
        _server.Faults.FailNextPlacement("MaxPosLimitReached", "Max position limit reached");

        var refused = await orders.PlaceOrderAsync(Ticket("ct-3", Side.Buy, 1, OrderType.Market), null, CancellationToken.None);
        var oso = (await orders.PlaceOsoAsync(
            Ticket("ct-4", Side.Buy, 1, OrderType.Limit) with { Price = 20_990m },
            new TradovateBracket(Side.Sell, OrderType.Limit, Price: 21_020m),
            new TradovateBracket(Side.Sell, OrderType.Stop, StopPrice: 20_970m),
            null, CancellationToken.None)).GetValueOrThrow();
        var spec = (await catalog.ResolveAsync("MNQZ6", CancellationToken.None)).GetValueOrThrow();
        var snapshot = (await new TradovateAccountReader(_rest).GetCashBalanceSnapshotAsync(AccountId, CancellationToken.None)).GetValueOrThrow();

        Assert.False(refused.IsSuccess);
        Assert.Contains("MaxPosLimitReached", refused.Error!.ToString());
        Assert.Equal("Suspended", _server.Exchange.Order(oso.Oso1Id!.Value).OrdStatus);
        Assert.Equal(("MNQ", 0.25m, 2m), (spec.Root, spec.TickSize, spec.ValuePerPoint));
        Assert.Equal(50_000m, snapshot.TotalCashValue);
    }

    private static TradovateOrderTicket Ticket(string clOrdId, Side action, int qty, OrderType type) =>
        new(AccountId, "DEMO25", clOrdId, action, "NQZ6", qty, type);

    private sealed class FixedToken : ITradovateTokenSource
    {
        public string? AccessToken => FakeTradovateServer.DefaultToken;

        public Task<TradovateAuthResult> RenewAsync(string rejectedAccessToken, CancellationToken ct) =>
            Task.FromResult<TradovateAuthResult>(new TradovateAuthResult.Refused("fixed token"));
    }
}
