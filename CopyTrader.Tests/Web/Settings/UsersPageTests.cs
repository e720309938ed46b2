using Bunit;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Tests.Web.Connections;
using CopyTrader.Web.Components.Pages.Settings;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Settings;

/// <summary>The users page: invitations shown once as a link, role and sign-in changes go to the service, refusals shown.</summary>
public sealed class UsersPageTests : BunitContext, IAsyncLifetime
{
    private readonly FakeUserAdministration _users = new();

    public UsersPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IUserAdministration>(_users);
        this.SignIn();
        _users.Users.Add(new UserSummary(SignedInUser.AdminId, "admin@example.com", UserRoles.Admin, false, false, 2));
        _users.Users.Add(new UserSummary("t-1", "pending@example.com", UserRoles.Trader, false, true, 0));
        _users.Users.Add(new UserSummary("t-2", "gone@example.com", UserRoles.Trader, true, false, 1));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void ListsUsersWithRoleStatusAndOwnedConnections()
    {
        var cut = Render<UsersPage>();

        Assert.Contains("(you)", cut.Find("[data-user='admin@example.com']").TextContent);
        Assert.Equal("Invited (no password yet)", cut.Find("[data-user='pending@example.com'] [data-status]").TextContent);
        Assert.Equal("Disabled", cut.Find("[data-user='gone@example.com'] [data-status]").TextContent);
        Assert.NotNull(cut.Find("[data-renew='pending@example.com']"));
        Assert.Empty(cut.FindAll("[data-renew='gone@example.com']"));
        Assert.Empty(cut.FindAll("[data-toggle-disabled='admin@example.com']")); // nobody disables themselves
        Assert.Equal("Enable", cut.Find("[data-toggle-disabled='gone@example.com']").TextContent.Trim());
    }

    [Fact]
    public void InvitingShowsTheLinkOnceWithTheTokenEscaped()
    {
        var cut = Render<UsersPage>();

        cut.Find("#invite-email").Change("new@example.com");
        cut.Find("#invite-user").Click();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("#invitation-notice").Count == 1, cut.Markup));
        Assert.Equal([$"invite new@example.com {UserRoles.Trader}"], _users.Calls);
        Assert.Equal("http://localhost/account/invite?user=new-user&token=token%2B%2F%3D", cut.Find("#invitation-link").GetAttribute("value"));
        Assert.Contains("new@example.com", cut.Find("#invitation-notice").TextContent);
        Assert.Equal("", cut.Find("#invite-email").GetAttribute("value")); // cleared for the next one, role back to Trader
        Assert.DoesNotContain("is not an email address", cut.Markup);
        Assert.Equal(UserRoles.Trader, cut.FindComponents<MudSelect<string>>()[0].Instance.GetState(x => x.Value));
    }

    [Fact]
    public void AnInvalidEmailIsRefusedWithAMessageAndNothingIsSent()
    {
        var cut = Render<UsersPage>();

        cut.Find("#invite-email").Change("not-an-email");
        cut.Find("#invite-user").Click();

        cut.WaitForAssertion(() => Assert.Contains("'not-an-email' is not an email address.", cut.Markup));
        Assert.Empty(_users.Calls);
        Assert.Empty(cut.FindAll("#invitation-notice"));
    }

    [Fact]
    public void ARefusedInvitationShowsTheReason()
    {
        _users.Refusal = "Email 'new@example.com' is already taken.";
        var cut = Render<UsersPage>();

        cut.Find("#invite-email").Change("new@example.com");
        cut.Find("#invite-user").Click();

        cut.WaitForAssertion(() => Assert.Contains("is already taken", cut.Find("[data-invite-error]").TextContent));
        Assert.Empty(cut.FindAll("#invitation-notice"));
    }

    [Fact]
    public async Task ChangingARoleGoesToTheServiceAsTheSignedInAdmin()
    {
        var cut = Render<UsersPage>();
        var pending = cut.FindComponents<MudSelect<string>>().Single(s => s.Markup.Contains("data-role-select=\"pending@example.com\""));

        await cut.InvokeAsync(() => pending.Instance.ValueChanged.InvokeAsync(UserRoles.Admin));

        Assert.Equal([$"role {SignedInUser.AdminId} t-1 {UserRoles.Admin}"], _users.Calls);
    }

    [Fact]
    public void DisablingAndRefusalsAreShown()
    {
        _users.Refusal = "pending@example.com is the only enabled admin.";
        var cut = Render<UsersPage>();

        cut.Find("[data-toggle-disabled='pending@example.com']").Click();

        cut.WaitForAssertion(() => Assert.Contains("only enabled admin", cut.Find("#users-error").TextContent));
        Assert.Equal([$"disabled {SignedInUser.AdminId} t-1 True"], _users.Calls);
    }

    [Fact]
    public void ANewInvitationLinkForAPendingUser()
    {
        var cut = Render<UsersPage>();

        cut.Find("[data-renew='pending@example.com']").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#invitation-link")));
        Assert.Equal(["renew t-1"], _users.Calls);
    }
}
