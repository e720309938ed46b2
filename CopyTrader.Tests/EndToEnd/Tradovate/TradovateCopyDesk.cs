using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.EndToEnd.Tradovate;

/// <summary>
/// A user's copy desk on one Tradovate login at the fake exchange: a leader and two followers (×1 and ×2) saved through
/// the connections service as the connections page does (the login's other account, DEMO25, saved with no role), the
/// second follower's multiplier and auto-copy set through the copy configuration service, and the app running.
/// </summary>
public sealed class TradovateCopyDesk : IAsyncDisposable
{
    public const string Symbol = "NQZ6";
    public const string ConnectionName = "Tradovate (fake)";

    private readonly TempDirectory _data = new();

    private TradovateCopyDesk(FakeTradovateServer server)
    {
        Server = server;
        Leader = server.Exchange.AddAccount("LEADER");
        Follower1 = server.Exchange.AddAccount("FOLLOWER1");
        Follower2 = server.Exchange.AddAccount("FOLLOWER2");
    }

    public FakeTradovateServer Server { get; }

    public FakeTradovateExchange Exchange => Server.Exchange;

    public FakeAccount Leader { get; }

    public FakeAccount Follower1 { get; }

    public FakeAccount Follower2 { get; }

    public TradovateCopierHost App { get; private set; } = null!;

    public IReadOnlyList<FakeTradovateRequest> OrderRequests => Server.RequestsTo("order/placeorder");

    public CopyGroupSnapshot Group => App.Config.Current.Groups.Single();

    /// <summary>Our id of the leader's trading account (the one in CopyTags and the copy log).</summary>
    public int LeaderAccountId => App.Config.Current.Accounts.Single(a => a.ExternalId == Id(Leader)).Id;

    public FollowerSnapshot FollowerOn(FakeAccount account)
    {
        var accountId = App.Config.Current.Accounts.Single(a => a.ExternalId == Id(account)).Id;
        return Group.Followers.Single(f => f.AccountId == accountId);
    }

    public static async Task<TradovateCopyDesk> OpenAsync(bool autoSync = false)
    {
        var desk = new TradovateCopyDesk(await FakeTradovateServer.StartAsync(FakeTradovateOptions.ForExchange()));
        try
        {
            desk.App = await TradovateCopierHost.StartAsync(desk.Server, desk._data);
            await desk.SaveConnectionAsync(autoSync);
            await desk.WaitUntilLiveAsync();
            return desk;
        }
        catch
        {
            await desk.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the app and starts it again on the same database, against the same exchange.</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = await TradovateCopierHost.StartAsync(Server, _data);
        await WaitUntilLiveAsync();
    }

    /// <summary>The leader trades by hand in Tradovate's own UI.</summary>
    public long TradeOnLeader(string action, int qty) => Exchange.TradeInPlatform(Leader.Id, Symbol, action, qty);

    public int NetPos(FakeAccount account) => Exchange.NetPosOf(account.Id, Symbol);

    /// <summary>What the app shows for the account, as its broker last reported it on the socket.</summary>
    public int ShownPosition(FakeAccount account) =>
        App.Hub.AccountStateOf(App.Config.Current.Accounts.Single(a => a.ExternalId == Id(account)).Id)?.PositionIn(Symbol) ?? 0;

    /// <summary>
    /// Waits until all three accounts are connected and the reconciliation that follows the snapshot has reported:
    /// from then on, a trade at the exchange reaches the app as a live event.
    /// </summary>
    public async Task WaitUntilLiveAsync()
    {
        await App.WaitForAccountsAsync(3, BrokerConnectionState.Connected);
        await App.WaitForReportAfterAsync(0);
    }

    public static string Id(FakeAccount account) => account.Id.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Server.DisposeAsync();
        _data.Dispose();
    }

    private async Task SaveConnectionAsync(bool autoSync)
    {
        var draft = new ConnectionDraft(ConnectionName, BrokerKind.Tradovate, TradovateConnectorRig.Login(Server));
        var test = await App.Connections.TestAsync(draft);
        Assert.True(test.Succeeded, test.Error);
        var leaderId = Id(Leader);
        var followers = new[] { Id(Follower1), Id(Follower2) };
        var choices = test.Accounts.Select(a => new AccountChoice(a.ExternalId, a.Name,
            a.ExternalId == leaderId ? AccountRole.Leader
            : followers.Contains(a.ExternalId) ? AccountRole.Follower
            : AccountRole.None,
            followers.Contains(a.ExternalId) ? FollowTarget.NewLeader(leaderId) : null)).ToList();
        Assert.Equal(4, choices.Count); // DEMO25 is listed too and saved with no role

        var saved = await App.Connections.SaveAsync(draft, choices);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));

        await App.CopyConfiguration.UpdateFollowerRuleAsync(FollowerOn(Follower2).Id, FollowerRule.Default with { Multiplier = 2m });
        await App.CopyConfiguration.SetGroupOptionsAsync(Group.Id, new GroupOptions(AutoCopyEnabled: true, AutoSync: autoSync));
    }
}
