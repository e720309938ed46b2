using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Web.Components.Pages.Ticket;
using MudBlazor;

namespace CopyTrader.Tests.Web.Ticket;

/// <summary>The ticket form on the page: validation messages, and what BUY / SELL / CLOSE ask of the service.</summary>
public sealed class TicketFormTests : TicketComponentTest
{
    [Theory]
    [InlineData("0", "The quantity must be at least 1 (got 0).")]
    [InlineData("-2", "The quantity must be at least 1 (got -2).")]
    [InlineData("1.5", "The quantity must be a whole number of contracts (got '1.5').")]
    [InlineData("", "Enter a quantity.")]
    public void ABadQuantityIsRefusedWithAMessageAndNothingIsSent(string quantity, string message)
    {
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change("MNQZ6");
        cut.Find("#ticket-quantity").Change(quantity);

        cut.Find("#ticket-buy").Click();

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Markup));
        Assert.Empty(Tickets.Calls);
    }

    [Theory]
    [InlineData("AAPL", "'AAPL' is not a futures contract CopyTrader knows: root, month code and year, e.g. MNQZ6 or ESH7.")]
    [InlineData("MNQ", "'MNQ' is not a futures contract CopyTrader knows: root, month code and year, e.g. MNQZ6 or ESH7.")]
    [InlineData("", "Choose a contract.")]
    public void AContractThatIsNoFuturesSymbolIsRefusedForEveryButton(string contract, string message)
    {
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change(contract);

        foreach (var button in new[] { "#ticket-buy", "#ticket-sell", "#ticket-close" })
        {
            cut.Find(button).Click();
            cut.WaitForAssertion(() => Assert.Contains(message, cut.Markup));
        }

        Assert.Empty(Tickets.Calls);
    }

    [Fact]
    public void BuyAndSellSendTheSideTheQuantityAndTheContractInTheBrokersSpelling()
    {
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change(" mnqz6 ");
        cut.Find("#ticket-quantity").Change("3");

        cut.Find("#ticket-buy").Click();
        cut.WaitForAssertion(() => Assert.Single(Tickets.Calls));
        cut.Find("#ticket-sell").Click();

        cut.WaitForAssertion(() => Assert.Equal([("Buy", Leader, "MNQZ6", 3), ("Sell", Leader, "MNQZ6", 3)], Tickets.Calls));
    }

    [Fact]
    public void CloseNeedsNoQuantity()
    {
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change("ESZ6");
        cut.Find("#ticket-quantity").Change("0");

        cut.Find("#ticket-close").Click();

        cut.WaitForAssertion(() => Assert.Equal([("Close", Leader, "ESZ6", 0)], Tickets.Calls));
    }

    [Fact]
    public void TheTicketGoesToTheChosenLeader()
    {
        var cut = Render<TicketPage>();
        Assert.Equal("Demo leader", cut.Find("#ticket-leader").GetAttribute("value"));
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)OtherLeader));
        cut.WaitForAssertion(() => Assert.Equal("Second leader", cut.Find("#ticket-leader").GetAttribute("value")));
        cut.Find("#ticket-contract").Change("MESZ6");

        cut.Find("#ticket-buy").Click();

        cut.WaitForAssertion(() => Assert.Equal([("Buy", OtherLeader, "MESZ6", 1)], Tickets.Calls));
    }

    [Fact]
    public void TheLeadersOpenPositionsAreQuickPicksForTheContract()
    {
        Hub.Publish(Leader, "Demo leader", new BrokerPosition("MNQZ6", 2, 21000m, 0m, 0m), new BrokerPosition("ESZ6", -1, 6000m, 0m, 0m));
        Hub.Publish(OtherLeader, "Second leader", new BrokerPosition("CLF7", 4, 70m, 0m, 0m));
        var cut = Render<TicketPage>();
        Assert.Equal(["ESZ6", "MNQZ6"], cut.FindAll("[data-quick-pick]").Select(c => c.GetAttribute("data-quick-pick")));
        Assert.Contains("-1", cut.Find("[data-quick-pick='ESZ6']").TextContent);

        cut.Find("[data-quick-pick='ESZ6']").Click();
        cut.Find("#ticket-close").Click();

        cut.WaitForAssertion(() => Assert.Equal([("Close", Leader, "ESZ6", 0)], Tickets.Calls));
    }

    [Fact]
    public void QuickPicksFollowTheLeadersPositionsLive()
    {
        var cut = Render<TicketPage>();
        Assert.Empty(cut.FindAll("[data-quick-pick]"));

        cut.InvokeAsync(() => Hub.Publish(Leader, "Demo leader", new BrokerPosition("MNQZ6", 1, 21000m, 0m, 0m)));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-quick-pick='MNQZ6']")));
    }

    [Fact]
    public void TheButtonsStayDisabledWhileATicketIsInFlight()
    {
        var answer = new TaskCompletionSource<TicketResult>();
        Tickets.Answer = () => answer.Task;
        var cut = Render<TicketPage>();
        cut.Find("#ticket-contract").Change("MNQZ6");

        cut.Find("#ticket-buy").Click();

        cut.WaitForAssertion(() => Assert.True(cut.Find("#ticket-sell").HasAttribute("disabled")));
        Assert.True(cut.Find("#ticket-buy").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("#ticket-progress"));
        cut.InvokeAsync(() => answer.SetResult(new(true, "SIM-O1", null) { LatencyMs = 1 }));
        cut.WaitForAssertion(() => Assert.False(cut.Find("#ticket-buy").HasAttribute("disabled")));
        Assert.Single(Tickets.Calls);
    }

    [Fact]
    public void WithoutALeaderThePageSaysWhatToDoFirst()
    {
        Config.Replace(CopyConfigSnapshot.Empty);

        var cut = Render<TicketPage>();

        Assert.Contains("No account leads a copy group yet", cut.Find("#ticket-no-leader").TextContent);
        Assert.Empty(cut.FindAll("#ticket-buy"));
    }
}
