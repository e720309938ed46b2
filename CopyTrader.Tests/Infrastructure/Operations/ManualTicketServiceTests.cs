using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Operations;

public class ManualTicketServiceTests
{
    private const string Mnq = "MNQZ6";

    [Fact]
    public async Task BuyOnTheLeaderIsCopiedByTheEngineAndCloseClosesEveryone()
    {
        await using var app = await PipelineHost.StartAsync();
        var tickets = app.Services.GetRequiredService<IManualTicketService>();
        var leader = app.AccountId(PipelineHost.Leader);

        var buy = await tickets.BuyAsync(leader, Mnq, 2);
        await app.WaitForCopiesAsync(3);
        var close = await tickets.CloseAsync(leader, Mnq);
        await app.WaitForCopiesAsync(6);

        Assert.True(buy.Accepted, buy.Reason);
        Assert.NotNull(buy.BrokerOrderId);
        Assert.True(close.Accepted, close.Reason);
        Assert.All(app.Copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
        Assert.Equal((0, 0, 0, 0), (app.PositionOf(PipelineHost.Leader, Mnq), app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
    }

    [Fact]
    public async Task CloseWhenFlatReportsTheBrokersRefusalNotSuccess()
    {
        await using var app = await PipelineHost.StartAsync();

        var close = await app.Services.GetRequiredService<IManualTicketService>().CloseAsync(app.AccountId(PipelineHost.Leader), Mnq);

        Assert.False(close.Accepted);
        Assert.Equal("No open position in MNQZ6 on account DEMO-LEADER.", close.Reason);
        Assert.NotNull(close.LatencyMs); // the broker answered: a reject, not a refusal before sending
    }

    [Fact]
    public async Task TheTicketsTrailGathersItsLeaderFillAndEveryFollowersCopyFromThePipeline()
    {
        await using var app = await PipelineHost.StartAsync();
        var tracker = new TicketCopyTracker();
        app.Hub.LeaderFillReceived += fill => tracker.Observe(fill);
        app.Services.GetRequiredService<ICopyEngine>().CopyCompleted += copy => tracker.Observe(copy);
        var order = new TicketOrder(app.AccountId(PipelineHost.Leader), Mnq, TicketAction.Buy, 2);

        var result = await app.Services.GetRequiredService<IManualTicketService>().SendAsync(order);
        tracker.Add(order, result);
        var trail = await Eventually.Get(() => tracker.Tickets.Single(), t => t!.Copies.Count >= 3, "the three followers' copies in the ticket's trail");

        Assert.True(result.Accepted, result.Reason);
        Assert.True(result.LatencyMs >= 0);
        Assert.Equal(result.BrokerOrderId, Assert.Single(trail.LeaderFills).BrokerOrderId);
        Assert.Equal(2, trail.FilledQuantity);
        Assert.Equal(
            [("DEMO-F1", 2), ("DEMO-F2", 4), ("DEMO-F3", 1)],
            trail.Copies.Select(c => (app.Config.Current.Account(c.FollowerAccountId)!.ExternalId, c.FollowerQuantity)).OrderBy(c => c.ExternalId));
        Assert.All(trail.Copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
    }

    [Fact]
    public async Task RefusesTicketsThatCannotBeRight()
    {
        await using var app = await PipelineHost.StartAsync();
        var tickets = app.Services.GetRequiredService<IManualTicketService>();

        Assert.Equal("'Demo follower ×1' leads no copy group; tickets go to a leader.", (await tickets.BuyAsync(app.AccountId("DEMO-F1"), Mnq, 1)).Reason);
        Assert.Equal("Quantity must be at least 1 (got 0).", (await tickets.SellAsync(app.AccountId(PipelineHost.Leader), Mnq, 0)).Reason);
        var missing = await tickets.BuyAsync(999, Mnq, 1);
        Assert.Equal("Trading account 999 does not exist.", missing.Reason);
        Assert.Null(missing.LatencyMs); // nothing went to a broker
        Assert.Empty(app.Exchange.Positions(PipelineHost.Leader));
    }
}
