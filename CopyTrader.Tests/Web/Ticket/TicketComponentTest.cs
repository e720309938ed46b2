using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Ticket;

/// <summary>bUnit with MudBlazor (popovers for the leader select), two groups, the fake hub, engine and ticket service.</summary>
public abstract class TicketComponentTest : BunitContext, IAsyncLifetime
{
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    protected const int Leader = 10;
    protected const int OtherLeader = 20;

    internal static readonly CopyConfigSnapshot TwoGroups = new(
        [new ConnectionSnapshot(1, "Simulator (demo)", BrokerKind.Simulator, "x")],
        [
            new AccountSnapshot(Leader, 1, "DEMO-LEADER", "Demo leader"), new AccountSnapshot(11, 1, "DEMO-F1", "Follower one"),
            new AccountSnapshot(12, 1, "DEMO-F2", "Follower two"), new AccountSnapshot(13, 1, "DEMO-F3", "Follower three"),
            new AccountSnapshot(OtherLeader, 1, "SIM-9", "Second leader"),
        ],
        [
            new CopyGroupSnapshot(5, "Demo", Leader, true, [new FollowerSnapshot(21, 11, true, FollowerRule.Default), new FollowerSnapshot(22, 12, true, FollowerRule.Default), new FollowerSnapshot(23, 13, true, FollowerRule.Default)]),
            new CopyGroupSnapshot(6, "Second", OtherLeader, true, [new FollowerSnapshot(24, 13, true, FollowerRule.Default)]),
        ],
        []);

    internal FakeTicketHub Hub { get; } = new();
    internal FakeEngine Engine { get; } = new();
    internal FakeConfigStore Config { get; } = new(TwoGroups);
    internal FakeTicketService Tickets { get; } = new();

    protected TicketComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<ILeaderMonitorHub>(Hub);
        Services.AddSingleton<ICopyEngine>(Engine);
        Services.AddSingleton<ICopyConfigStore>(Config);
        Services.AddSingleton<IManualTicketService>(Tickets);
        Services.AddSingleton(InstrumentCatalog.Default);
        Authorization = this.SignIn();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
