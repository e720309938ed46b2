using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Web.Components.Pages.Connections;
using CopyTrader.Web.Components.Pages.Connections.Parts;
using MudBlazor;

namespace CopyTrader.Tests.Web.Connections;

public sealed class AddConnectionFormTests : ConnectionsComponentTest
{
    private readonly List<int> _saved = [];

    [Fact]
    public void TestingAnEmptyFormShowsWhatIsMissingAndAsksNobody()
    {
        var cut = RenderForm();
        SelectKind(cut, BrokerKind.Tradovate);

        cut.Find("#test-connection").Click();

        cut.WaitForAssertion(() =>
        {
            foreach (var message in new[]
                     {
                         "The connection name is required.", "The Tradovate username is required.", "The Tradovate password is required.",
                         "The app id is required.", "The app version is required.", "The API key id (cid) is required.", "The API secret (sec) is required.",
                     })
            {
                Assert.Contains(message, cut.Markup);
            }
        });
        Assert.Empty(Service.Tested);
    }

    [Fact]
    public void ANameInUseIsRefusedIgnoringCase()
    {
        var cut = RenderForm();
        cut.Find("#connection-name").Change("simulator (DEMO)");

        cut.Find("#test-connection").Click();

        cut.WaitForAssertion(() => Assert.Contains("A connection named 'simulator (DEMO)' already exists.", cut.Markup));
        Assert.Empty(Service.Tested);
    }

    [Fact]
    public void TestShowsProgressThenTheDiscoveredAccounts()
    {
        var answer = new TaskCompletionSource<ConnectionTestResult>();
        Service.Test = _ => answer.Task;
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Paper");

        cut.Find("#test-connection").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#connection-progress")));
        Assert.True(cut.Find("#save-connection").HasAttribute("disabled"));
        cut.InvokeAsync(() => answer.SetResult(ConnectionTestResult.Found([new("SIM-1", "SIM-1"), new("1002", "Evaluation 1002")])));
        cut.WaitForAssertion(() => Assert.Equal(["SIM-1", "1002"], cut.FindAll("[data-discovered]").Select(r => r.GetAttribute("data-discovered"))));
        Assert.Empty(cut.FindAll("#connection-progress"));
        Assert.Contains("Evaluation 1002 (1002)", cut.Find("[data-discovered='1002']").TextContent);
        Assert.False(cut.Find("#save-connection").HasAttribute("disabled"));
    }

    [Fact]
    public void TestShowsTheBrokersErrorText()
    {
        Service.Test = _ => Task.FromResult(ConnectionTestResult.Failed("Incorrect username or password. Please try again."));
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Paper");

        cut.Find("#test-connection").Click();

        cut.WaitForAssertion(() => Assert.Equal("Incorrect username or password. Please try again.", cut.Find("[data-test-error]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-discovered]"));
        Assert.True(cut.Find("#save-connection").HasAttribute("disabled"));
    }

    [Fact]
    public void TestSendsTheTypedTradovateLogin()
    {
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Apex 1");
        SelectKind(cut, BrokerKind.Tradovate);
        cut.Find("#tradovate-username").Change("trader");
        cut.Find("#tradovate-password").Change(" pass with spaces ");
        cut.Find("#tradovate-app-id").Change("CopyTrader");
        cut.Find("#tradovate-app-version").Change("1.0");
        cut.Find("#tradovate-cid").Change("1234");
        cut.Find("#tradovate-sec").Change("secret");

        cut.Find("#test-connection").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [new ConnectionDraft("Apex 1", BrokerKind.Tradovate, new TradovateConnectionSettings("demo", "trader", " pass with spaces ", "CopyTrader", "1.0", 1234, "secret"))],
            Service.Tested));
    }

    [Fact]
    public void SaveSendsTheChosenAccountsWithTheirRoles()
    {
        Service.Test = _ => Task.FromResult(ConnectionTestResult.Found([new("SIM-1", "SIM-1"), new("SIM-2", "SIM-2"), new("SIM-3", "SIM-3")]));
        Service.Groups.Add(new LeaderGroupOption(5, "Demo", "Demo leader"));
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Paper");
        cut.Find("#test-connection").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-discovered]").Count));

        ChooseRole(cut, 0, new AccountRoleOption(AccountRole.Leader));
        ChooseRole(cut, 1, new AccountRoleOption(AccountRole.Follower, FollowTarget.NewLeader("SIM-1")));
        cut.Find("[data-discovered='SIM-3'] input[type='checkbox']").Change(false);
        cut.Find("#save-connection").Click();

        cut.WaitForAssertion(() => Assert.Equal([7], _saved));
        var (draft, accounts) = Assert.Single(Service.Saved);
        Assert.Equal(new ConnectionDraft("Paper", BrokerKind.Simulator) { OwnerUserId = SignedInUser.TraderId }, draft); // the user adding it owns it
        Assert.Equal(
            [new AccountChoice("SIM-1", "SIM-1", AccountRole.Leader), new AccountChoice("SIM-2", "SIM-2", AccountRole.Follower, FollowTarget.NewLeader("SIM-1"))],
            accounts);
    }

    [Fact]
    public void SaveShowsTheRefusal()
    {
        Service.SaveResult = ConnectionChangeResult.Refused("Refused: this would create a copy loop (A → B → A); a trade would be copied back to where it came from.");
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Paper");
        cut.Find("#test-connection").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-discovered]")));

        cut.Find("#save-connection").Click();

        cut.WaitForAssertion(() => Assert.Contains("Refused: this would create a copy loop (A → B → A)", cut.Find("[data-save-error]").TextContent));
        Assert.Empty(_saved);
    }

    [Fact]
    public void ChangingTheLoginAfterATestAsksForANewTest()
    {
        var cut = RenderForm();
        cut.Find("#connection-name").Change("Paper");
        cut.Find("#test-connection").Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("#save-connection").HasAttribute("disabled")));

        SelectKind(cut, BrokerKind.Tradovate);

        cut.WaitForAssertion(() => Assert.True(cut.Find("#save-connection").HasAttribute("disabled")));
    }

    private IRenderedComponent<AddConnectionForm> RenderForm() => Render<AddConnectionForm>(p => p
        .Add(f => f.TakenNames, ["Simulator (demo)"])
        .Add(f => f.LeaderGroups, Service.Groups)
        .Add(f => f.Environments, ["demo", "live"])
        .Add(f => f.OwnerUserId, SignedInUser.TraderId)
        .Add(f => f.OnSaved, id => _saved.Add(id)));

    private static void SelectKind(IRenderedComponent<AddConnectionForm> cut, BrokerKind kind) =>
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<BrokerKind>>().Instance.SelectOption(kind));

    private static void ChooseRole(IRenderedComponent<AddConnectionForm> cut, int row, AccountRoleOption option) =>
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<AccountRoleOption>>()[row].Instance.SelectOption(option));
}
