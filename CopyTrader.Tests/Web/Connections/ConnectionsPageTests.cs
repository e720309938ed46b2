using System.Collections.Immutable;
using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Web.Components.Pages.Connections;

namespace CopyTrader.Tests.Web.Connections;

public sealed class ConnectionsPageTests : ConnectionsComponentTest
{
    public ConnectionsPageTests()
    {
        Service.Connections.Add(new ConnectionSummary(1, "Simulator (demo)", BrokerKind.Simulator, null, null,
        [
            new AccountSummary(10, "DEMO-LEADER", "Demo leader", [new AccountGroupRole(AccountRole.Leader, 5, "Demo")]),
            new AccountSummary(11, "DEMO-F1", "Demo follower ×1", [new AccountGroupRole(AccountRole.Follower, 5, "Demo")]),
        ]));
        Service.Connections.Add(new ConnectionSummary(2, "Apex", BrokerKind.Tradovate, "demo", null, [new AccountSummary(20, "1001", "Evaluation 1001", [])]));
        Hub.Publish(State(10, BrokerConnectionState.Connected, null));
        Hub.Publish(State(11, BrokerConnectionState.Connected, null));
    }

    [Fact]
    public void ListsConnectionsWithBrokerEnvironmentStateAndRoles()
    {
        var cut = Render<ConnectionsPage>();

        var demo = cut.Find("[data-connection='Simulator (demo)']");
        Assert.Equal("Connected", demo.QuerySelector("[data-connection-state]")!.TextContent.Trim());
        Assert.Contains("Leader of Demo", demo.QuerySelector("[data-account-row='DEMO-LEADER']")!.TextContent);
        Assert.Contains("Follower in Demo", demo.QuerySelector("[data-account-row='DEMO-F1']")!.TextContent);
        var apex = cut.Find("[data-connection='Apex']");
        Assert.Contains("Tradovate", apex.TextContent);
        Assert.Contains("demo", apex.TextContent);
        Assert.Equal("Idle", apex.QuerySelector("[data-connection-state]")!.TextContent.Trim());
    }

    [Fact]
    public void ShowsTheLiveStateAndReasonWhenTheHubReportsAChange()
    {
        var cut = Render<ConnectionsPage>();

        cut.InvokeAsync(() => Hub.Publish(State(10, BrokerConnectionState.Reconnecting, "Socket closed by the server (1006)")));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-connection='Simulator (demo)']");
            Assert.Equal("Reconnecting", row.QuerySelector("[data-connection-state]")!.TextContent.Trim());
            Assert.Equal("Socket closed by the server (1006)", row.QuerySelector("[data-reason]")!.TextContent.Trim());
        });
    }

    [Fact]
    public void ShowsALockedLoginBeforeTheLastReason()
    {
        var cut = Render<ConnectionsPage>();
        const string lockText = "Tradovate login demo:joe is locked until 2026-11-24 16:00 UTC (HTTP 429); no requests are sent until then.";

        cut.InvokeAsync(() => Hub.Publish(State(10, BrokerConnectionState.Connected, "Signed in") with { Notice = lockText }));

        cut.WaitForAssertion(() => Assert.Equal(
            lockText, cut.Find("[data-connection='Simulator (demo)'] [data-reason]").TextContent.Trim()));
    }

    [Fact]
    public async Task UnsubscribesFromTheHubOnDispose()
    {
        Render<ConnectionsPage>();
        Assert.Equal(1, Hub.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.Subscribers);
    }

    [Fact]
    public void ShowsWhyAConnectionCannotBeDeleted()
    {
        Service.DeleteResult = ConnectionChangeResult.Refused("'Simulator (demo)' cannot be deleted: Demo leader, Demo follower ×1 are in a copy group. Take them out of the group first.");
        var cut = Render<ConnectionsPage>();

        cut.Find("[data-delete='Simulator (demo)']").Click();
        cut.Find("#confirm-delete").Click();

        cut.WaitForAssertion(() => Assert.Contains("cannot be deleted: Demo leader, Demo follower ×1 are in a copy group", cut.Find("[data-page-error]").TextContent));
        Assert.Equal([1], Service.Deleted);
        Assert.NotNull(cut.Find("[data-connection='Simulator (demo)']"));
    }

    [Fact]
    public void ASavedConnectionAppearsInTheTable()
    {
        var cut = Render<ConnectionsPage>();
        cut.Find("#add-connection").Click();
        cut.Find("#connection-name").Change("Paper");
        cut.Find("#test-connection").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-discovered]")));
        Service.Connections.Add(new ConnectionSummary(7, "Paper", BrokerKind.Simulator, null, null, [new AccountSummary(30, "SIM-1", "SIM-1", [])]));

        cut.Find("#save-connection").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-connection='Paper']")));
        Assert.Empty(cut.FindAll("#add-connection-form"));
    }

    [Fact]
    public void RenamesFromTheEditPanel()
    {
        var cut = Render<ConnectionsPage>();
        cut.Find("[data-edit='Apex']").Click();

        cut.Find("#rename-connection").Change("Apex evaluation");
        cut.Find("#rename-save").Click();

        cut.WaitForAssertion(() => Assert.Equal([(2, "Apex evaluation")], Service.Renamed));
    }

    [Fact]
    public void ShowsTheBrokersWordsWhenNewCredentialsAreRefused()
    {
        var cut = Render<ConnectionsPage>();
        cut.Find("[data-edit='Apex']").Click();
        cut.Find("#tradovate-username").Change("trader");
        cut.Find("#tradovate-password").Change("wrong");
        cut.Find("#tradovate-app-id").Change("CopyTrader");
        cut.Find("#tradovate-app-version").Change("1.0");
        cut.Find("#tradovate-cid").Change("1234");
        cut.Find("#tradovate-sec").Change("secret");

        cut.Find("#update-credentials").Click();

        cut.WaitForAssertion(() => Assert.Equal("Incorrect username or password. Please try again.", cut.Find("[data-edit-error]").TextContent.Trim()));
    }

    private static AccountState State(int id, BrokerConnectionState state, string? reason) =>
        new(id, $"#{id}", "Simulator (demo)", state, reason, null, ImmutableDictionary<string, BrokerPosition>.Empty);
}
