using CopyTrader.Domain;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>The cockpit's and the API's changes (through the configuration service) each leave one entry; a refusal none.</summary>
public sealed class CopyConfigurationAuditTests : IAsyncLifetime
{
    private PipelineHost _app = default!;

    private ICopyConfigurationService Service => _app.Services.GetRequiredService<ICopyConfigurationService>();

    private CopyGroupSnapshot Demo => _app.Config.Current.Groups.Single(g => g.Name == "Demo");

    public async Task InitializeAsync() => _app = await PipelineHost.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheAutoCopySwitchIsItsOwnAction()
    {
        using var alice = ActAs(_app, Alice);

        await Service.SetGroupOptionsAsync(Demo.Id, new GroupOptions(false));

        var entry = await SingleAsync(_app);
        AssertBy(Alice, entry);
        Assert.Equal((AuditActions.GroupAutoCopy, "Group 'Demo'", "Auto-copy on → off", (int?)Demo.Id), (entry.Action, entry.Subject, entry.Details, entry.CopyGroupId));
    }

    [Fact]
    public async Task OtherOptionChangesAreGroupOptions()
    {
        await Service.SetGroupOptionsAsync(Demo.Id, new GroupOptions(true, DryRun: true, AutoSync: true));
        await Service.SetGroupOptionsAsync(Demo.Id, new GroupOptions(true, DryRun: true, AutoSync: true));

        var entries = await AllAsync(_app);
        Assert.Equal(
            [(AuditActions.GroupOptions, "Dry run off → on; Auto-sync off → on"), (AuditActions.GroupOptions, "No change")],
            entries.Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task FollowerToggleRuleAndWebhookFlagAreRecorded()
    {
        var follower = Demo.Followers.Single(f => f.AccountId == _app.AccountId("DEMO-F2"));
        using var alice = ActAs(_app, Alice with { Channel = AuditChannel.Api });

        await Service.SetFollowerEnabledAsync(follower.Id, false);
        await Service.UpdateFollowerRuleAsync(follower.Id, follower.Rule with { Multiplier = 3m, Inverse = true });
        await Service.SetFollowerReceivesWebhookOrdersAsync(follower.Id, true);

        var entries = await AllAsync(_app);
        Assert.Equal(
            [
                (AuditActions.FollowerDisabled, "Enabled on → off"),
                (AuditActions.FollowerRuleChanged, "Multiplier 2 → 3; Inverse off → on"),
                (AuditActions.FollowerWebhookOrders, "Receives webhook orders off → on"),
            ],
            entries.Select(e => (e.Action, e.Details)));
        Assert.All(entries, e => Assert.Equal(("Follower 'Demo follower ×2' in group 'Demo'", AuditChannel.Api, (int?)follower.AccountId), (e.Subject, e.Channel, e.AccountId)));
    }

    [Fact]
    public async Task CreatingAGroupAndAddingAFollowerNameTheNewIds()
    {
        var groupId = await Service.CreateGroupAsync("Gold", _app.AccountId("DEMO-F1"), autoCopyEnabled: false);
        await Service.AddFollowerAsync(groupId, _app.AccountId("DEMO-F3"), FollowerRule.Default with { Multiplier = 2m });

        var entries = await AllAsync(_app);
        Assert.Equal([(AuditActions.GroupCreated, (int?)groupId), (AuditActions.FollowerAdded, groupId)], entries.Select(e => (e.Action, e.CopyGroupId)));
        Assert.Equal("Name 'Gold'; Leader 'Demo follower ×1'; Auto-copy off; Dry run off; Auto-sync off; Mirror working orders off", entries[0].Details);
        Assert.Equal("Follower 'Demo follower ×0.5' in group 'Gold'", entries[1].Subject);
        Assert.Contains("Multiplier 2;", entries[1].Details);
    }

    [Fact]
    public async Task ARefusedLoopWritesNoEntry()
    {
        var back = await Service.CreateGroupAsync("Back", _app.AccountId("DEMO-F1"), autoCopyEnabled: true);

        await Assert.ThrowsAsync<CopyTraderDomainException>(() => Service.AddFollowerAsync(back, _app.AccountId(PipelineHost.Leader), FollowerRule.Default));
        await Assert.ThrowsAsync<CopyTraderDomainException>(() => Service.SetFollowerEnabledAsync(9999, false));

        Assert.Equal([AuditActions.GroupCreated], (await AllAsync(_app)).Select(e => e.Action));
    }
}
