using Bunit;
using Bunit.TestDoubles;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Tests.Web.CopyLog;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Web.Display;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Cockpit;

/// <summary>bUnit with MudBlazor (popovers, dialogs), the cockpit's fakes and the real display preferences over bUnit's JS.</summary>
public abstract class CockpitComponentTest : BunitContext, IAsyncLifetime
{
    /// <summary>One group: "Demo leader" (10) followed by "Follower one" (11, ×1) and "Follower two" (12, ×2).</summary>
    public static readonly CopyConfigSnapshot DemoConfig = new(
        [new ConnectionSnapshot(1, "Simulator (demo)", BrokerKind.Simulator, "x")],
        [new AccountSnapshot(10, 1, "DEMO-LEADER", "Demo leader"), new AccountSnapshot(11, 1, "DEMO-F1", "Follower one"), new AccountSnapshot(12, 1, "DEMO-F2", "Follower two")],
        [new CopyGroupSnapshot(5, "Demo", 10, true, [new FollowerSnapshot(21, 11, true, FollowerRule.Default), new FollowerSnapshot(22, 12, true, FollowerRule.Default with { Multiplier = 2m })])
            { DryRun = true, MirrorWorkingOrders = true }],
        []);

    protected CockpitComponentTest(CopyConfigSnapshot? config = null)
    {
        ConfigStore = new FakeConfigStore(config ?? DemoConfig);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<ILeaderMonitorHub>(Hub);
        Services.AddSingleton<ICopyEngine>(Engine);
        Services.AddSingleton<ICopyConfigStore>(ConfigStore);
        Services.AddSingleton<ICopyLogQuery>(_ =>
        {
            var query = new FakeCopyLogQuery();
            query.Entries.AddRange(History);
            return query;
        });
        Authorization = this.SignIn();
        Services.AddSingleton<ICopyConfigurationService>(Settings);
        Services.AddSingleton<IReconciliationService>(Reconciliation);
        Services.AddSingleton<IFlattenService>(Flatten);
        Services.AddScoped<DisplayPreferences>();
    }

    /// <summary>The signed-in user; an admin unless a test signs in someone else (<see cref="SignedInUser.As"/>) before rendering.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    internal FakeHub Hub { get; } = new();
    internal FakeEngine Engine { get; } = new();
    internal FakeConfigStore ConfigStore { get; }
    internal RecordingConfigurationService Settings { get; } = new();
    internal FakeReconciliation Reconciliation { get; } = new();
    internal FakeFlattenService Flatten { get; } = new();

    /// <summary>What the copy log query returns (newest first); set before the first render.</summary>
    internal List<CopyLogEntry> History { get; } = [];

    internal DisplayPreferences Display => Services.GetRequiredService<DisplayPreferences>();

    /// <summary>The popover and dialog providers, as MainLayout has them; returns the dialog provider to look into.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    internal static CopyLogEntry Copy(int followerAccountId, CopyOutcome outcome, double latencyMs, string? reason = null, long id = 0, int followerId = 0) =>
        new(DateTimeOffset.Parse("2026-11-23T15:00:00Z"), 5, 10, followerId, followerAccountId, $"SIM-F{id}", "MNQZ6", "MNQZ6",
            Side.Buy, 1, 2, outcome, latencyMs, "CT-1", outcome == CopyOutcome.Accepted ? "SIM-O1" : null, reason);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
