using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Security;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Connections;

/// <summary>The service on the real pipeline (demo seeded, hub running), once per database provider.</summary>
public abstract class BrokerConnectionServiceTests : IAsyncLifetime
{
    private static readonly ConnectionDraft Paper = new("Paper", BrokerKind.Simulator);

    private PipelineHost _app = default!;

    private IBrokerConnectionService Service => _app.Services.GetRequiredService<IBrokerConnectionService>();

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync() => _app = await PipelineHost.StartAsync(await SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SavesTestedAccountsWithTheirRolesAndTheHubConnectsThemWithoutARestart()
    {
        var test = await Service.TestAsync(Paper);
        Assert.Equal(["SIM-1", "SIM-2", "SIM-3", "SIM-4"], test.Accounts.Select(a => a.ExternalId));
        var demo = (await Service.ListLeaderGroupsAsync()).Single();

        var saved = await Service.SaveAsync(Paper,
        [
            new AccountChoice("SIM-1", "SIM-1", AccountRole.Leader),
            new AccountChoice("SIM-2", "SIM-2", AccountRole.Follower, FollowTarget.NewLeader("SIM-1")),
            new AccountChoice("SIM-3", "SIM-3", AccountRole.Follower, FollowTarget.Group(demo.GroupId)),
            new AccountChoice("SIM-4", "SIM-4", AccountRole.None),
        ]);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var paper = (await Service.ListAsync()).Single(c => c.Id == saved.ConnectionId);
        Assert.Equal(("Paper", BrokerKind.Simulator, null), (paper.Name, paper.Kind, paper.Environment));
        Assert.Equal(
            ["SIM-1: Leader SIM-1", "SIM-2: Follower SIM-1", "SIM-3: Follower Demo", "SIM-4: "],
            paper.Accounts.Select(a => $"{a.ExternalId}: {string.Join(", ", a.Roles.Select(r => $"{r.Role} {r.GroupName}"))}"));
        var group = _app.Config.Current.Groups.Single(g => g.Name == "SIM-1");
        Assert.False(group.AutoCopyEnabled);
        Assert.Equal(1m, group.Followers.Single().Rule.Multiplier);
        Assert.Equal(4, _app.Config.Current.Groups.Single(g => g.Id == demo.GroupId).Followers.Count);
        await _app.WaitForConnectedAccountsAsync(7); // the demo's 4 and SIM-1..3; SIM-4 is in no group, so not connected
        Assert.Null(_app.Hub.AccountStateOf(paper.Accounts[3].Id));
    }

    [Fact]
    public async Task RefusesACopyLoopAndKeepsNothingOfTheSave()
    {
        var before = await CountsAsync();

        var saved = await Service.SaveAsync(Paper,
        [
            new AccountChoice("SIM-1", "Alpha", AccountRole.LeaderAndFollower, FollowTarget.NewLeader("SIM-2")),
            new AccountChoice("SIM-2", "Beta", AccountRole.LeaderAndFollower, FollowTarget.NewLeader("SIM-1")),
        ]);

        var error = Assert.Single(saved.Errors);
        Assert.Matches(@"^Refused: this would create a copy loop \((Alpha → Beta → Alpha|Beta → Alpha → Beta)\); a trade would be copied back to where it came from\.$", error);
        Assert.Null(saved.ConnectionId);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task RefusesANameInUseIgnoringCaseAndNamesEveryOtherProblem()
    {
        var saved = await Service.SaveAsync(Paper with { Name = "simulator (DEMO)" },
        [
            new AccountChoice("SIM-1", "SIM-1", AccountRole.Follower),
            new AccountChoice("SIM-2", "SIM-2", AccountRole.Follower, FollowTarget.NewLeader("SIM-3")),
        ]);

        Assert.Equal(
            ["A connection named 'simulator (DEMO)' already exists.", "Choose the group 'SIM-1' follows.", "'SIM-2' follows 'SIM-3', which is not saved as a leader here."],
            saved.Errors);
        Assert.Equal(["A connection named 'Simulator (demo)' already exists."], (await Service.RenameAsync(await SaveUnusedAsync("Paper"), "Simulator (demo)")).Errors);
        Assert.Equal(["The connection name is required."], (await Service.SaveAsync(Paper with { Name = "  " }, [new AccountChoice("SIM-1", "SIM-1", AccountRole.None)])).Errors);
    }

    [Fact]
    public async Task RenamesAndTheCopyConfigurationSeesTheNewName()
    {
        var id = await SaveUnusedAsync("Paper");

        var renamed = await Service.RenameAsync(id, "  Paper two ");

        Assert.True(renamed.Succeeded);
        Assert.Equal("Paper two", _app.Config.Current.Connections.Single(c => c.Id == id).Name);
    }

    [Fact]
    public async Task RefusesToDeleteAConnectionWhoseAccountsAreInAGroupAndDeletesAnUnusedOne()
    {
        var demo = (await Service.ListAsync()).Single();
        var unused = await SaveUnusedAsync("Paper");

        var refused = await Service.DeleteAsync(demo.Id);
        var deleted = await Service.DeleteAsync(unused);

        Assert.Equal(["'Simulator (demo)' cannot be deleted: Demo leader, Demo follower ×1, Demo follower ×2, Demo follower ×0.5 are in a copy group. Take them out of the group first."], refused.Errors);
        Assert.True(deleted.Succeeded);
        Assert.Equal([demo.Id], (await Service.ListAsync()).Select(c => c.Id));
        Assert.Equal(4, await _app.WithDbAsync(db => db.TradingAccounts.CountAsync()));
    }

    [Fact]
    public async Task StoresTradovateCredentialsEncrypted()
    {
        var login = new TradovateConnectionSettings("demo", "trader", "hunter2-very-secret", "CopyTrader", "1.0", 1234, "sec-do-not-show");

        var saved = await Service.SaveAsync(new ConnectionDraft("Apex", BrokerKind.Tradovate, login), [new AccountChoice("1001", "Evaluation", AccountRole.None)]);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var stored = await _app.WithDbAsync(db => db.BrokerConnections.Where(c => c.Id == saved.ConnectionId).Select(c => c.ProtectedCredentials).SingleAsync());
        Assert.DoesNotContain("hunter2", stored);
        Assert.DoesNotContain("sec-do-not-show", stored);
        Assert.Equal(login, TradovateConnectionSettings.Parse(_app.Services.GetRequiredService<CredentialProtector>().Unprotect(stored)));
        Assert.Equal("demo", (await Service.ListAsync()).Single(c => c.Id == saved.ConnectionId).Environment);
    }

    [Fact]
    public async Task RefusesAnUnknownTradovateEnvironmentBeforeConnecting()
    {
        var login = new TradovateConnectionSettings("paper", "trader", "pw", "CopyTrader", "1.0", 1234, "sec");

        var test = await Service.TestAsync(new ConnectionDraft("Apex", BrokerKind.Tradovate, login));

        Assert.Equal("Unknown Tradovate environment 'paper'; configured: demo, live.", test.Error);
        Assert.Equal(["demo", "live"], Service.TradovateEnvironments);
    }

    [Fact]
    public async Task RefusesCredentialsWhoseLoginDoesNotListTheConnectionsAccounts()
    {
        var demo = (await Service.ListAsync()).Single();
        var stored = _app.Config.Current.Connections.Single().ProtectedCredentials;

        var result = await Service.UpdateCredentialsAsync(demo.Id, Paper);

        Assert.Equal(["The new login does not list DEMO-LEADER, DEMO-F1, DEMO-F2, DEMO-F3, which 'Simulator (demo)' serves; credentials not changed."], result.Errors);
        Assert.Equal(stored, _app.Config.Current.Connections.Single().ProtectedCredentials);
        Assert.Equal(["'Simulator (demo)' is a Simulator connection; it cannot take Tradovate credentials."],
            (await Service.UpdateCredentialsAsync(demo.Id, new ConnectionDraft("x", BrokerKind.Tradovate, new("demo", "t", "p", "a", "1", 1, "s")))).Errors);
    }

    [Fact]
    public async Task NewCredentialsReconnectTheRunningConnection()
    {
        var saved = await Service.SaveAsync(Paper, [new AccountChoice("SIM-1", "SIM-1", AccountRole.Leader), new AccountChoice("SIM-2", "SIM-2", AccountRole.Follower, FollowTarget.NewLeader("SIM-1"))]);
        await _app.WaitForConnectedAccountsAsync(6);
        var leader = _app.Config.Current.Accounts.Single(a => a.ExternalId == "SIM-1" && a.ConnectionId == saved.ConnectionId).Id;
        var states = new List<BrokerConnectionState>();
        _app.Hub.AccountStateChanged += s =>
        {
            lock (states)
            {
                if (s.AccountId == leader)
                {
                    states.Add(s.ConnectionState);
                }
            }
        };

        var updated = await Service.UpdateCredentialsAsync(saved.ConnectionId!.Value, Paper);

        Assert.True(updated.Succeeded, string.Join(" ", updated.Errors));
        await Eventually.True(() => { lock (states) { return states.Contains(BrokerConnectionState.Connecting) && states[^1] == BrokerConnectionState.Connected; } }, "a reconnect of SIM-1");
    }

    private async Task<int> SaveUnusedAsync(string name)
    {
        var saved = await Service.SaveAsync(Paper with { Name = name }, [new AccountChoice("SIM-4", "SIM-4", AccountRole.None)]);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return saved.ConnectionId!.Value;
    }

    private Task<(int Connections, int Accounts, int Groups, int Followers)> CountsAsync() => _app.WithDbAsync(async db =>
        (await db.BrokerConnections.CountAsync(), await db.TradingAccounts.CountAsync(), await db.CopyGroups.CountAsync(), await db.Followers.CountAsync()));
}

public sealed class SqliteBrokerConnectionServiceTests : BrokerConnectionServiceTests
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class PostgresBrokerConnectionServiceTests : BrokerConnectionServiceTests
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["Database:ConnectionString"] = await PostgresServer.CreateDatabaseAsync(),
    };
}
