using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Components.Pages.Ticket;

namespace CopyTrader.Tests.Web.Ticket;

/// <summary>The results of a ticket: the leader's answer at once, then the fill and each follower's copy as the hub and engine report them.</summary>
public sealed class TicketResultsTests : TicketComponentTest
{
    [Fact]
    public void TheLeaderResultThenEachFollowersCopyAppearAsTheyArrive()
    {
        var cut = BuyOneMnq();
        cut.WaitForAssertion(() => Assert.Equal("Accepted", cut.Find("[data-leader-result]").GetAttribute("data-leader-result")));
        Assert.Contains("BUY 1 MNQZ6", cut.Find("[data-ticket='1']").TextContent);
        Assert.Contains("4.2 ms", cut.Find("[data-leader-latency]").TextContent);
        Assert.Empty(cut.FindAll("[data-follower-copy]"));

        cut.InvokeAsync(() => Hub.Fill(Fill("SIM-F7", "SIM-O1")));
        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F7", 11, CopyOutcome.Accepted, 1, 2.5, null)));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-follower-copy]")));
        Assert.Equal("1", cut.Find("[data-leader-filled]").GetAttribute("data-leader-filled"));

        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F7", 12, CopyOutcome.Rejected, 2, 7.25, "Insufficient margin for 2 MNQZ6.")));
        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F7", 13, CopyOutcome.Skipped, 0, 0.4, "Follower is disabled.")));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-follower-copy]").Count));
        var rejected = cut.Find("[data-follower-copy='Follower two']");
        Assert.Equal("Rejected", rejected.GetAttribute("data-outcome"));
        Assert.Equal("Buy 2", rejected.QuerySelector("[data-copy-order]")!.TextContent);
        Assert.Equal("7.3 ms", rejected.QuerySelector("[data-latency]")!.TextContent);
        Assert.Equal("Insufficient margin for 2 MNQZ6.", rejected.QuerySelector("[data-copy-reason]")!.TextContent);
        Assert.Equal("—", cut.Find("[data-follower-copy='Follower three'] [data-copy-order]").TextContent);
        Assert.Equal("Accepted", cut.Find("[data-follower-copy='Follower one']").GetAttribute("data-outcome"));
    }

    [Fact]
    public void AFillAndCopiesThatArriveBeforeTheBrokersAnswerAreShownWithTheTicket()
    {
        var answer = new TaskCompletionSource<TicketResult>();
        Tickets.Answer = () => answer.Task;
        var cut = BuyOneMnq();

        cut.InvokeAsync(() => Hub.Fill(Fill("SIM-F7", "SIM-O1")));
        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F7", 11, CopyOutcome.Accepted, 1, 2.5, null)));
        cut.InvokeAsync(() => answer.SetResult(new TicketResult(true, "SIM-O1", null) { LatencyMs = 9 }));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-follower-copy='Follower one']")));
    }

    [Fact]
    public void CopiesOfOtherLeaderTradesAreNotShownUnderTheTicket()
    {
        var cut = BuyOneMnq();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-ticket='1']")));

        cut.InvokeAsync(() => Hub.Fill(Fill("SIM-F8", "SIM-O99")));
        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F8", 11, CopyOutcome.Accepted, 1, 2.5, null)));
        cut.InvokeAsync(() => Hub.Fill(Fill("SIM-F9", "SIM-O1")));
        cut.InvokeAsync(() => Engine.Complete(Copy("SIM-F9", 12, CopyOutcome.Accepted, 1, 2.5, null)));

        cut.WaitForAssertion(() => Assert.Equal(["Follower two"], cut.FindAll("[data-follower-copy]").Select(r => r.GetAttribute("data-follower-copy"))));
    }

    [Fact]
    public void CloseWhenFlatShowsTheBrokersRefusal()
    {
        Tickets.Answer = () => Task.FromResult(TicketResult.Refused("No open position in MNQZ6 on account DEMO-LEADER.") with { LatencyMs = 0.8 });
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change("MNQZ6");

        cut.Find("#ticket-close").Click();

        cut.WaitForAssertion(() => Assert.Equal("No open position in MNQZ6 on account DEMO-LEADER.", cut.Find("[data-ticket-reason]").TextContent.Trim()));
        Assert.Equal("Rejected", cut.Find("[data-leader-result]").GetAttribute("data-leader-result"));
        Assert.Contains("CLOSE MNQZ6", cut.Find("[data-ticket='1']").TextContent);
        Assert.Empty(cut.FindAll("[data-follower-copy]"));
    }

    [Fact]
    public void AServiceRefusalBeforeSendingIsShownAsNotSent()
    {
        Tickets.Answer = () => Task.FromResult(TicketResult.Refused("The broker connection of 'Demo leader' is not connected."));

        var cut = BuyOneMnq();

        cut.WaitForAssertion(() => Assert.Equal("Not sent", cut.Find("[data-leader-result]").GetAttribute("data-leader-result")));
        Assert.Equal("The broker connection of 'Demo leader' is not connected.", cut.Find("[data-ticket-reason]").TextContent.Trim());
    }

    [Fact]
    public void AnExceptionFromTheServiceIsShownNotSwallowed()
    {
        Tickets.Answer = () => Task.FromException<TicketResult>(new InvalidOperationException("Simulator connection is Disconnected."));

        var cut = BuyOneMnq();

        cut.WaitForAssertion(() => Assert.Equal("Simulator connection is Disconnected.", cut.Find("[data-ticket-reason]").TextContent.Trim()));
    }

    [Fact]
    public void UnsubscribesFromEveryFeedOnDispose()
    {
        var cut = Render<TicketPage>();
        Assert.Equal(2, Hub.Subscribers);
        Assert.Equal(1, Engine.Subscribers);
        Assert.Equal(1, Config.Subscribers);

        cut.Instance.Dispose();

        Assert.Equal(0, Hub.Subscribers);
        Assert.Equal(0, Engine.Subscribers);
        Assert.Equal(0, Config.Subscribers);
    }

    private IRenderedComponent<TicketPage> BuyOneMnq()
    {
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change("MNQZ6");
        cut.Find("#ticket-buy").Click();
        return cut;
    }

    private static LeaderFill Fill(string fillId, string orderId) =>
        new(Leader, new FillEvent(DateTimeOffset.UnixEpoch, "DEMO-LEADER", fillId, orderId, null, "MNQZ6", Side.Buy, 1, 21000.25m), 1, 0);

    private static CopyLogEntry Copy(string fillId, int followerAccountId, CopyOutcome outcome, int quantity, double latencyMs, string? reason) =>
        new(DateTimeOffset.UnixEpoch, 5, Leader, followerAccountId + 10, followerAccountId, fillId, "MNQZ6", "MNQZ6",
            outcome == CopyOutcome.Skipped ? null : Side.Buy, 1, quantity, outcome, latencyMs, "tag", null, reason);
}
