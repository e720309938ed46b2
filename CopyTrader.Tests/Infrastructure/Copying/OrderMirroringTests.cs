using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Copying;

/// <summary>Working-order mirroring on the real hub, engine, order book and Simulator.</summary>
public class OrderMirroringTests
{
    private const string Mnq = "MNQZ6";
    private static readonly string[] Followers = ["DEMO-F1", "DEMO-F2", "DEMO-F3"];

    private static async Task<PipelineHost> StartMirroringAsync(TempDirectory? data = null, CopyTrader.Infrastructure.Brokers.Simulator.SimulatorExchange? exchange = null)
    {
        var app = await PipelineHost.StartAsync(data: data, exchange: exchange);
        await app.Services.GetRequiredService<ICopyConfigurationService>()
            .SetGroupOptionsAsync(app.Config.Current.Groups.Single().Id, new GroupOptions(AutoCopyEnabled: true, MirrorWorkingOrders: true));
        app.Exchange.SetPrice(Mnq, 21000m);
        return app;
    }

    private static Task<IReadOnlyList<(int Quantity, decimal? Limit)>> WorkingAsync(PipelineHost app, int count) =>
        Eventually.Get<IReadOnlyList<(int, decimal?)>>(
            () => Followers.Select(f => app.Exchange.WorkingOrders(f).Select(o => (o.Quantity, o.LimitPrice)).SingleOrDefault()).ToList(),
            w => w!.Count(o => o.Item1 > 0) == count, $"{count} follower copies working");

    [Fact]
    public async Task CopiesAWorkingLimitOrderThenFollowsItsModifyAndCancel()
    {
        await using var app = await StartMirroringAsync();

        var leaderOrder = app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2, OrderType.Limit, LimitPrice: 20990m)).BrokerOrderId!;
        Assert.Equal([(2, 20990m), (4, 20990m), (1, 20990m)], await WorkingAsync(app, 3));

        app.Exchange.Modify(PipelineHost.Leader, leaderOrder, 3, 20995m, null);
        await Eventually.True(() => app.Exchange.WorkingOrders("DEMO-F2").SingleOrDefault()?.Quantity == 6, "the ×2 copy resized to 6");
        Assert.Equal([(3, 20995m), (6, 20995m), (2, 20995m)], await WorkingAsync(app, 3));

        app.Exchange.Cancel(PipelineHost.Leader, leaderOrder);
        await Eventually.True(() => Followers.All(f => app.Exchange.WorkingOrders(f).Count == 0), "every copy canceled");
        Assert.All(Followers, f => Assert.Equal(0, app.PositionOf(f, Mnq)));
    }

    [Fact]
    public async Task AFilledLimitIsFilledOnceAtEachFollowerByItsOwnCopy()
    {
        await using var app = await StartMirroringAsync();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2, OrderType.Limit, LimitPrice: 20990m));
        await WorkingAsync(app, 3);

        app.Exchange.SetPrice(Mnq, 20989m); // the leader's order and every copy fill at the simulated exchange
        var leaderFill = await Eventually.Get(() => app.Copies.FirstOrDefault(c => !c.LeaderEventId.StartsWith("order ")), c => c is not null, "the leader fill's copy plans");

        // Whether a follower's copy filled before or after the leader's fill was planned, no position order was sent.
        var plans = await app.WaitForCopiesAsync(6);
        Assert.All(plans.Where(c => c.LeaderEventId == leaderFill!.LeaderEventId), c => Assert.Equal(CopyOutcome.Skipped, c.Outcome));
        Assert.All(plans.Where(c => c.LeaderEventId == leaderFill!.LeaderEventId), c => Assert.Matches("fills at its own broker|Already at target position", c.Reason!));
        await Eventually.True(() => (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)) == (2, 4, 1), "followers filled by their copies");
        Assert.Equal(2, app.PositionOf(PipelineHost.Leader, Mnq));

        // A later market trade is still mirrored by position from where the copies left the followers.
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 2));
        await Eventually.True(() => Followers.All(f => app.PositionOf(f, Mnq) == 0), "everyone flat again");
    }

    [Fact]
    public async Task AStopPlacedOnAnOpenPositionIsNotCopiedAndSaysWhy()
    {
        await using var app = await StartMirroringAsync();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        await app.WaitForCopiesAsync(3);

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20950m));
        var skips = await app.WaitForCopiesAsync(6);

        Assert.All(skips.Skip(3), c => Assert.Equal(CopyOutcome.Skipped, c.Outcome));
        Assert.All(Followers, f => Assert.Empty(app.Exchange.WorkingOrders(f)));
    }

    [Fact]
    public async Task TheOrderMapSurvivesARestartSoACancelStillReachesTheCopies()
    {
        using var data = new TempDirectory();
        var exchange = Simulators.Exchange();
        string leaderOrder;
        await using (var first = await StartMirroringAsync(data, exchange))
        {
            leaderOrder = exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Limit, LimitPrice: 21010m)).BrokerOrderId!;
            await WorkingAsync(first, 3);
        }

        await using var second = await PipelineHost.StartAsync(data: data, exchange: exchange);
        exchange.Cancel(PipelineHost.Leader, leaderOrder);

        await Eventually.True(() => Followers.All(f => exchange.WorkingOrders(f).Count == 0), "every copy canceled after the restart");
    }

    [Fact]
    public async Task BracketLegsAreCopiedWithTheEntryAndTheCopierCancelsTheOtherLegAtEachFollower()
    {
        await using var app = await StartMirroringAsync();
        var entry = app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20990m)).BrokerOrderId!;
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Limit, LimitPrice: 21010m, OcoGroupId: "B1", ParentOrderId: entry));
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20980m, OcoGroupId: "B1", ParentOrderId: entry));
        await Eventually.True(() => Followers.All(f => app.Exchange.WorkingOrders(f).Count == 3), "entry and both legs copied to every follower");
        Assert.All(Followers, f => Assert.All(app.Exchange.WorkingOrders(f).Where(o => o.Type != OrderType.Limit || o.Side == Side.Sell),
            leg => Assert.NotNull(leg.ParentOrderId)));

        app.Exchange.SetPrice(Mnq, 20990m); // entries fill everywhere; legs go live
        await Eventually.True(() => (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)) == (1, 2, 1), "entries filled");
        app.Exchange.SetPrice(Mnq, 21010m); // take-profits fill; the copier cancels each follower's stop (no native OCO)

        await Eventually.True(() => Followers.All(f => app.PositionOf(f, Mnq) == 0 && app.Exchange.WorkingOrders(f).Count == 0),
            "followers flat with no stop left: " + string.Join(" | ", app.Copies.Select(c => $"{c.FollowerId} {c.Outcome} {c.Reason}")));
        Assert.Equal(0, app.PositionOf(PipelineHost.Leader, Mnq));
    }

    [Fact]
    public async Task TheCopierItselfCancelsAFollowersOtherLegWhenItsBrokerHasNoOco()
    {
        await using var app = await StartMirroringAsync();
        // Legs of one entry without an OCO group at the leader: the leader's broker will leave its stop working,
        // so only the copier's emulation can cancel the followers' stops.
        var entry = app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20990m)).BrokerOrderId!;
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Limit, LimitPrice: 21010m, ParentOrderId: entry));
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20980m, ParentOrderId: entry));
        await Eventually.True(() => Followers.All(f => app.Exchange.WorkingOrders(f).Count == 3), "entry and both legs copied");

        app.Exchange.SetPrice(Mnq, 20990m);
        await Eventually.True(() => app.PositionOf("DEMO-F2", Mnq) == 2, "entries filled");
        app.Exchange.SetPrice(Mnq, 21010m);

        await Eventually.True(() => Followers.All(f => app.PositionOf(f, Mnq) == 0 && app.Exchange.WorkingOrders(f).Count == 0), "followers' stops canceled by the copier");
        Assert.Equal(OrderType.Stop, Assert.Single(app.Exchange.WorkingOrders(PipelineHost.Leader)).Type);
    }
}
