using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Tests.Web;
using CopyTrader.Web.Components.Pages.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Audit;

/// <summary>The audit trail page: filters run in the query, paging is the server's, a non-admin sees only their own entries.</summary>
public sealed class AuditPageTests : BunitContext, IAsyncLifetime
{
    private const string AdminId = "user-admin";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 42, 17, 250, TimeSpan.Zero);

    private static readonly CopyConfigSnapshot Config = new(
        [],
        [new AccountSnapshot(10, 1, "L-1", "Demo leader"), new AccountSnapshot(20, 1, "F-1", "Follower ×1")],
        [new CopyGroupSnapshot(1, "NQ main", 10, true, [new FollowerSnapshot(101, 20, true, FollowerRule.Default)]), new CopyGroupSnapshot(2, "Gold", 10, true, [])],
        []);

    private readonly FakeAuditTrailQuery _query = new();
    private readonly BunitAuthorizationContext _auth;
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public AuditPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAuditTrailQuery>(_query);
        Services.AddSingleton<ICopyConfigStore>(new FakeConfigStore(Config));
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        _auth = AddAuthorization();
        _auth.SetAuthorized("admin@example.com").SetRoles(UserRoles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId));
        _query.Actors.AddRange([new AuditActorOption(AdminId, "admin@example.com"), new AuditActorOption("user-trader", "trader@example.com")]);
        _popovers = Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void AnAdminOpensOnEveryonesLastSevenDaysUpToNow()
    {
        var cut = Render<AuditPage>();

        var expected = new AuditFilter { FromUtc = new DateTimeOffset(2026, 11, 16, 15, 42, 0, TimeSpan.Zero), ToUtc = Now };
        cut.WaitForAssertion(() => Assert.Equal((expected, 0, 25), Assert.Single(_query.PageCalls)));
        Assert.Contains("Changes from 2026-11-16 15:42:00 before 2026-11-23 15:42:17 UTC", cut.Find("[data-range]").TextContent);
        Assert.Equal("everyone", cut.Find("#audit-page").GetAttribute("data-scope"));
        Assert.Single(cut.FindAll("#audit-actor"));
    }

    [Fact]
    public void ATraderSeesOnlyTheirOwnEntriesAndCannotChooseSomeoneElse()
    {
        _auth.SetAuthorized("trader@example.com").SetRoles(UserRoles.Trader).SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-trader"));

        var cut = Render<AuditPage>();
        cut.Find("#audit-range-all").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, _query.PageCalls.Count));
        Assert.All(_query.PageCalls, c => Assert.Equal("user-trader", c.Filter.OnlyByUserId));
        Assert.Equal(new AuditFilter { ToUtc = Now, OnlyByUserId = "user-trader" }, _query.PageCalls[^1].Filter);
        Assert.Empty(cut.FindAll("#audit-actor"));
        Assert.Equal(0, _query.ActorCalls);
        Assert.Equal("own", cut.Find("#audit-page").GetAttribute("data-scope"));
        Assert.Contains("An admin sees everyone's", cut.Find("[data-scope-text]").TextContent);
    }

    [Fact]
    public void AppliesEveryFilterToTheQuery()
    {
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Single(_query.PageCalls));

        cut.Find("#audit-from").Change("2026-11-23T09:30");
        cut.Find("#audit-to").Change("2026-11-23T16:00");
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.SelectOption("user-trader"));
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<AuditChannel?>>().Instance.SelectOption(AuditChannel.Api));
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[1].Instance.SelectOption("follower"));
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)2));
        cut.Find("#audit-text").Change(" NQ main ");
        cut.Find("#audit-apply").Click();

        var expected = new AuditFilter
        {
            FromUtc = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero),
            ToUtc = new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero),
            ActorUserId = "user-trader",
            Channel = AuditChannel.Api,
            Action = "follower",
            CopyGroupId = 2,
            Text = "NQ main",
        };
        cut.WaitForAssertion(() => Assert.Equal((expected, 0, 25), _query.PageCalls[^1]));
    }

    [Fact]
    public void TheWhoFilterListsTheUsersInTheTrail()
    {
        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Equal(1, _query.ActorCalls));
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.OpenMenu());

        cut.WaitForAssertion(() => Assert.Contains("trader@example.com", _popovers.Markup));
        Assert.Contains("admin@example.com", _popovers.Markup);
    }

    [Fact]
    public void PagesThroughTheServerAndShowsTheTotal()
    {
        _query.Entries.AddRange(Enumerable.Range(0, 60).Select(i => Entry(i)));
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-audit-time]").Count));
        Assert.Equal("60", cut.Find("#audit-total").GetAttribute("data-total"));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal((1, 25), (_query.PageCalls[^1].Page, _query.PageCalls[^1].PageSize)));
        cut.WaitForAssertion(() => Assert.Equal("2026-11-23 15:00:35.000", cut.FindAll("[data-audit-time]")[0].TextContent));
    }

    [Fact]
    public void RowsShowWhoByWhichChannelWhatAndTheChange()
    {
        _query.Entries.Add(new AuditEntry(new DateTimeOffset(2026, 11, 23, 15, 1, 2, 345, TimeSpan.Zero), new Actor("user-trader", "trader@example.com", AuditChannel.Api),
            new AuditRecord(AuditActions.FollowerUpdated, "Follower 'Follower ×1' in group 'NQ main'", "Multiplier 1 → 2; Max position none → 5")));

        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-audit-time]")));
        var row = cut.Find("[data-audit-time]").Closest("tr")!;
        Assert.Equal("2026-11-23 15:01:02.345", row.QuerySelector("[data-audit-time]")!.TextContent);
        Assert.Equal("trader@example.com", row.QuerySelector("[data-actor]")!.TextContent);
        Assert.Equal("Api", row.QuerySelector("[data-channel]")!.GetAttribute("data-channel"));
        Assert.Equal("follower.updated", row.QuerySelector("[data-action]")!.TextContent);
        Assert.Equal("Follower 'Follower ×1' in group 'NQ main'", row.QuerySelector("[data-subject]")!.TextContent);
        Assert.Equal("Multiplier 1 → 2; Max position none → 5", row.QuerySelector("[data-details]")!.TextContent);
    }

    [Fact]
    public void FromAfterToIsExplainedAndNothingIsQueried()
    {
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Single(_query.PageCalls));

        cut.Find("#audit-from").Change("2026-11-23T12:00");
        cut.Find("#audit-to").Change("2026-11-23T11:00");
        cut.Find("#audit-apply").Click();

        cut.WaitForAssertion(() => Assert.Equal("'From' (2026-11-23 12:00:00 UTC) is after 'To' (2026-11-23 11:00:00 UTC).", cut.Find("[data-filter-error]").TextContent.Trim()));
        Assert.Single(_query.PageCalls);
    }

    [Fact]
    public void ATimeThatIsNotADateIsExplained()
    {
        var cut = Render<AuditPage>();

        cut.Find("#audit-to").Change("tomorrow");
        cut.Find("#audit-apply").Click();

        cut.WaitForAssertion(() => Assert.Equal("'To' must be a UTC date and time such as 2026-11-23T14:30, not 'tomorrow'.", cut.Find("[data-filter-error]").TextContent.Trim()));
    }

    [Fact]
    public void ADatabaseFailureIsShownNotPassedOffAsNoChanges()
    {
        _query.Failure = new InvalidOperationException("database is locked");

        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Equal("Could not load the audit trail: database is locked", cut.Find("[data-grid-error]").TextContent.Trim()));
        Assert.Equal("Could not list the users in the trail: database is locked", cut.Find("[data-actors-error]").TextContent.Trim());
        Assert.DoesNotContain("No changes match", cut.Markup);
    }

    private static AuditEntry Entry(int second) =>
        new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero).AddSeconds(60 - second), new Actor(AdminId, "admin@example.com", AuditChannel.Web),
            new AuditRecord(AuditActions.FollowerEnabled, $"Follower #{second}", "Enabled off → on"));
}
