using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Operations;

public class FlattenServiceTests
{
    private const string Mnq = "MNQZ6";

    private static async Task<PipelineHost> StartLongTwoAsync()
    {
        var app = await PipelineHost.StartAsync();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        await app.WaitForCopiesAsync(3);
        return app;
    }

    private static (int, int, int, int) Positions(PipelineHost app) =>
        (app.PositionOf(PipelineHost.Leader, Mnq), app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq));

    [Fact]
    public async Task FlattenGroupCancelsOrdersLiquidatesEveryoneAndCopiesNothingTwice()
    {
        await using var app = await StartLongTwoAsync();
        app.Exchange.SetPrice(Mnq, 21000m);
        app.Exchange.Place(new OrderRequest("DEMO-F2", Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20900m));

        var results = await app.Services.GetRequiredService<IFlattenService>().FlattenGroupAsync(app.Config.Current.Groups.Single().Id);

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Steps.Select(s => $"{s.Action}: {s.Reason}"))));
        Assert.Contains(results.Single(r => r.AccountName == "Demo follower ×2").Steps, s => s.Action.StartsWith("Cancel Buy 1 MNQZ6 Limit"));
        Assert.Equal((0, 0, 0, 0), Positions(app));
        Assert.Empty(app.Exchange.WorkingOrders("DEMO-F2"));

        // The next leader trade starts every follower from flat: nothing of the flatten was copied.
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        var copies = await app.WaitForCopiesAsync(6);
        Assert.Equal(6, copies.Count);
        Assert.Equal((1, 1, 2, 1), Positions(app));
    }

    [Fact]
    public async Task FlattenLeaderClosesFollowersThroughTheCopy()
    {
        await using var app = await StartLongTwoAsync();

        var result = await app.Services.GetRequiredService<IFlattenService>().FlattenAccountAsync(app.AccountId(PipelineHost.Leader));
        var copies = await app.WaitForCopiesAsync(6);

        Assert.True(result.Succeeded);
        Assert.Equal(["Liquidate MNQZ6 (+2)"], result.Steps.Select(s => s.Action));
        Assert.All(copies.Skip(3), c => Assert.Equal((CopyOutcome.Accepted, Side.Sell), (c.Outcome, c.Side!.Value)));
        Assert.Equal((0, 0, 0, 0), Positions(app));
    }

    [Fact]
    public async Task FlattenFollowerAloneThenNextLeaderTradeResyncsIt()
    {
        await using var app = await StartLongTwoAsync();

        var result = await app.Services.GetRequiredService<IFlattenService>().FlattenAccountAsync(app.AccountId("DEMO-F2"));

        Assert.True(result.Succeeded);
        Assert.Equal((2, 2, 0, 1), Positions(app));
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        await app.WaitForCopiesAsync(6);
        Assert.Equal((3, 3, 6, 2), Positions(app));
    }

    [Fact]
    public async Task FlattenOfAnAccountAlreadyFlatSaysSo()
    {
        await using var app = await PipelineHost.StartAsync();

        var result = await app.Services.GetRequiredService<IFlattenService>().FlattenAccountAsync(app.AccountId("DEMO-F1"));

        Assert.Equal([new FlattenStep("Already flat with no working orders", true)], result.Steps);
    }

    [Fact]
    public async Task FlattenOnADisconnectedAccountFailsWithTheReason()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddFollowerOnTradovateAsync(app);
        await app.Config.ReloadAsync();
        var account = app.AccountId("TV-1");

        var result = await app.Services.GetRequiredService<IFlattenService>().FlattenAccountAsync(account);

        Assert.False(result.Succeeded);
        Assert.Equal("The broker connection of 'Tradovate follower' is not connected.", result.Steps.Single().Reason);
    }

    [Fact]
    public async Task FlattenAllCoversEveryGroup()
    {
        await using var app = await StartLongTwoAsync();

        var results = await app.Services.GetRequiredService<IFlattenService>().FlattenAllAsync();

        Assert.Equal(4, results.Count(r => r.Succeeded));
        Assert.Equal((0, 0, 0, 0), Positions(app));
    }
}
