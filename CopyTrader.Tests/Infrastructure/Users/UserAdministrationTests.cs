using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Users;

/// <summary>User management on the real Infrastructure host (Identity on the app's database, roles seeded at start), once per provider.</summary>
public abstract class UserAdministrationTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.com";
    private const string GoodPassword = "Correct-Horse-9!";
    private const string Unusable = "This invitation link is not valid any more (used, expired or replaced). Ask your admin for a new one.";

    private PipelineHost _app = default!;
    private string _adminId = "";

    private IUserAdministration Users => _app.Services.GetRequiredService<IUserAdministration>();

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync()
    {
        _app = await PipelineHost.StartAsync(await SettingsAsync());
        _adminId = await CreateUserAsync(AdminEmail, UserRoles.Admin, GoodPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnInvitedUserExistsWithoutAPasswordInTheirRoleAndIsListedAsPending()
    {
        var invited = await Users.InviteAsync("  trader@example.com ", UserRoles.Trader);

        Assert.True(invited.Succeeded, string.Join(" ", invited.Errors));
        var invitation = invited.Invitation!;
        Assert.Equal("trader@example.com", invitation.Email);
        Assert.False(string.IsNullOrWhiteSpace(invitation.Token));
        Assert.InRange(invitation.ExpiresUtc - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24)); // Identity's default token lifespan
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(invitation.UserId))!;
            Assert.False(await users.HasPasswordAsync(user));
            Assert.False(user.EmailConfirmed);
            Assert.Equal([UserRoles.Trader], await users.GetRolesAsync(user));
        });
        var listed = (await Users.ListAsync()).Single(u => u.Id == invitation.UserId);
        Assert.Equal(new UserSummary(invitation.UserId, "trader@example.com", UserRoles.Trader, Disabled: false, InvitationPending: true, OwnedConnections: 0), listed);
        Assert.False((await Users.ListAsync()).Single(u => u.Id == _adminId).InvitationPending);
    }

    [Theory]
    [InlineData("not-an-email", UserRoles.Trader, "'not-an-email' is not an email address.")]
    [InlineData("   ", UserRoles.Trader, "'' is not an email address.")]
    [InlineData("trader@example.com", "Owner", "Unknown role 'Owner'; choose Admin or Trader.")]
    [InlineData("trader@example.com", "admin", "Unknown role 'admin'; choose Admin or Trader.")]
    public async Task RefusesAnInvitationWithABadEmailOrRoleInWordsAndAddsNobody(string email, string role, string error)
    {
        var invited = await Users.InviteAsync(email, role);

        Assert.False(invited.Succeeded);
        Assert.Equal([error], invited.Errors);
        Assert.Null(invited.Invitation);
        Assert.Equal([AdminEmail], (await Users.ListAsync()).Select(u => u.Email));
    }

    [Theory]
    [InlineData(AdminEmail)]
    [InlineData("ADMIN@Example.com")]
    public async Task RefusesAnEmailThatIsAlreadyAUser(string email)
    {
        var invited = await Users.InviteAsync(email, UserRoles.Trader);

        Assert.False(invited.Succeeded);
        Assert.Contains(invited.Errors, e => e.Contains($"'{email}' is already taken", StringComparison.Ordinal));
        Assert.Single(await Users.ListAsync());
    }

    [Fact]
    public async Task AcceptingTheInvitationSetsThePasswordConfirmsTheEmailAndUsesUpTheLink()
    {
        var invitation = (await Users.InviteAsync("trader@example.com", UserRoles.Trader)).Invitation!;

        var accepted = await Users.AcceptInvitationAsync(invitation.UserId, invitation.Token, GoodPassword);

        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(invitation.UserId))!;
            Assert.True(await users.CheckPasswordAsync(user, GoodPassword));
            Assert.False(await users.CheckPasswordAsync(user, "Wrong-Horse-9!"));
            Assert.True(user.EmailConfirmed);
        });
        Assert.False((await Users.ListAsync()).Single(u => u.Id == invitation.UserId).InvitationPending);

        var again = await Users.AcceptInvitationAsync(invitation.UserId, invitation.Token, "Another-Horse-9!");
        Assert.False(again.Succeeded);
        Assert.Equal([Unusable], again.Errors);
        await WithUsersAsync(async users => Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(invitation.UserId))!, GoodPassword)));
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedInIdentitysWordsAndTheLinkStillWorks()
    {
        var invitation = (await Users.InviteAsync("trader@example.com", UserRoles.Trader)).Invitation!;

        var weak = await Users.AcceptInvitationAsync(invitation.UserId, invitation.Token, "short");

        Assert.False(weak.Succeeded);
        Assert.Contains("Passwords must be at least 10 characters.", weak.Errors);
        Assert.True((await Users.ListAsync()).Single(u => u.Id == invitation.UserId).InvitationPending);
        Assert.True((await Users.AcceptInvitationAsync(invitation.UserId, invitation.Token, GoodPassword)).Succeeded);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task AWrongTokenIsRefusedAsAnUnusableLink(string token)
    {
        var invitation = (await Users.InviteAsync("trader@example.com", UserRoles.Trader)).Invitation!;

        var accepted = await Users.AcceptInvitationAsync(invitation.UserId, token, GoodPassword);

        Assert.False(accepted.Succeeded);
        Assert.Equal([Unusable], accepted.Errors);
        Assert.True((await Users.ListAsync()).Single(u => u.Id == invitation.UserId).InvitationPending);
    }

    [Fact]
    public async Task AnotherUsersTokenOrAnUnknownUserIsRefusedAsAnUnusableLink()
    {
        var one = (await Users.InviteAsync("one@example.com", UserRoles.Trader)).Invitation!;
        var two = (await Users.InviteAsync("two@example.com", UserRoles.Trader)).Invitation!;

        Assert.Equal([Unusable], (await Users.AcceptInvitationAsync(two.UserId, one.Token, GoodPassword)).Errors);
        Assert.Equal([Unusable], (await Users.AcceptInvitationAsync("no-such-user", one.Token, GoodPassword)).Errors);
        Assert.Equal([Unusable], (await Users.AcceptInvitationAsync(_adminId, one.Token, GoodPassword)).Errors); // has a password already
        Assert.All(await Users.ListAsync(), u => Assert.Equal(u.Id != _adminId, u.InvitationPending));
    }

    [Fact]
    public async Task ARenewedInvitationReplacesTheOldLink()
    {
        var first = (await Users.InviteAsync("trader@example.com", UserRoles.Trader)).Invitation!;

        var renewed = await Users.RenewInvitationAsync(first.UserId);

        Assert.True(renewed.Succeeded, string.Join(" ", renewed.Errors));
        var second = renewed.Invitation!;
        Assert.Equal((first.UserId, first.Email), (second.UserId, second.Email));
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal([Unusable], (await Users.AcceptInvitationAsync(first.UserId, first.Token, GoodPassword)).Errors);
        Assert.True((await Users.AcceptInvitationAsync(second.UserId, second.Token, GoodPassword)).Succeeded);
    }

    [Fact]
    public async Task RenewingIsRefusedForAUserWithAPasswordOrAnUnknownUser()
    {
        var withPassword = await Users.RenewInvitationAsync(_adminId);
        var unknown = await Users.RenewInvitationAsync("no-such-user");

        Assert.Equal([$"{AdminEmail} already chose a password; there is nothing to accept."], withPassword.Errors);
        Assert.Null(withPassword.Invitation);
        Assert.Equal(["User no-such-user does not exist."], unknown.Errors);
    }

    [Fact]
    public async Task AnAdminCannotChangeTheirOwnRole()
    {
        var changed = await Users.SetRoleAsync(_adminId, _adminId, UserRoles.Trader);

        Assert.False(changed.Succeeded);
        Assert.Equal(["You cannot change your own role; another admin can."], changed.Errors);
        Assert.Equal(UserRoles.Admin, await RoleOfAsync(_adminId));
    }

    [Fact]
    public async Task TheLastEnabledAdminCannotBeDemotedAndAnInvitedAdminDoesNotCount()
    {
        var invitedAdmin = (await Users.InviteAsync("second-admin@example.com", UserRoles.Admin)).Invitation!.UserId;

        var demoted = await Users.SetRoleAsync(invitedAdmin, _adminId, UserRoles.Trader);

        Assert.Equal([$"{AdminEmail} is the only enabled admin; make someone else admin first."], demoted.Errors);
        Assert.Equal(UserRoles.Admin, await RoleOfAsync(_adminId));
    }

    [Fact]
    public async Task ADisabledAdminDoesNotCountAsAnotherAdmin()
    {
        var other = await CreateUserAsync("other-admin@example.com", UserRoles.Admin, GoodPassword);
        Assert.True((await Users.SetDisabledAsync(_adminId, other, disabled: true)).Succeeded);

        var demoted = await Users.SetRoleAsync(other, _adminId, UserRoles.Trader);

        Assert.False(demoted.Succeeded);
        Assert.Equal(UserRoles.Admin, await RoleOfAsync(_adminId));
    }

    [Fact]
    public async Task AnAdminCanBeDemotedWhileAnotherEnabledAdminRemains()
    {
        var other = await CreateUserAsync("other-admin@example.com", UserRoles.Admin, GoodPassword);

        var demoted = await Users.SetRoleAsync(_adminId, other, UserRoles.Trader);

        Assert.True(demoted.Succeeded, string.Join(" ", demoted.Errors));
        Assert.Equal(UserRoles.Trader, await RoleOfAsync(other));
    }

    [Fact]
    public async Task ATraderMadeAdminHasOnlyTheNewRoleAndANewSecurityStamp()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var stampBefore = await StampOfAsync(trader);

        var promoted = await Users.SetRoleAsync(_adminId, trader, UserRoles.Admin);

        Assert.True(promoted.Succeeded, string.Join(" ", promoted.Errors));
        await WithUsersAsync(async users => Assert.Equal([UserRoles.Admin], await users.GetRolesAsync((await users.FindByIdAsync(trader))!)));
        Assert.NotEqual(stampBefore, await StampOfAsync(trader));
        Assert.Equal(UserRoles.Admin, (await Users.ListAsync()).Single(u => u.Id == trader).Role);
    }

    [Fact]
    public async Task SettingTheRoleAUserAlreadyHasChangesNothing()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var stampBefore = await StampOfAsync(trader);

        Assert.True((await Users.SetRoleAsync(_adminId, trader, UserRoles.Trader)).Succeeded);

        Assert.Equal(stampBefore, await StampOfAsync(trader));
    }

    [Fact]
    public async Task SetRoleRefusesAnUnknownRoleOrUser()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);

        Assert.Equal(["Unknown role 'Root'; choose Admin or Trader."], (await Users.SetRoleAsync(_adminId, trader, "Root")).Errors);
        Assert.Equal(["User no-such-user does not exist."], (await Users.SetRoleAsync(_adminId, "no-such-user", UserRoles.Admin)).Errors);
        Assert.Equal(UserRoles.Trader, await RoleOfAsync(trader));
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselves()
    {
        var disabled = await Users.SetDisabledAsync(_adminId, _adminId, disabled: true);

        Assert.False(disabled.Succeeded);
        Assert.Equal(["You cannot disable yourself."], disabled.Errors);
        Assert.False((await Users.ListAsync()).Single().Disabled);
    }

    [Fact]
    public async Task TheOnlyEnabledAdminCannotBeDisabledByAnyone()
    {
        var invitedAdmin = (await Users.InviteAsync("second-admin@example.com", UserRoles.Admin)).Invitation!.UserId;

        var disabled = await Users.SetDisabledAsync(invitedAdmin, _adminId, disabled: true);

        Assert.Equal([$"{AdminEmail} is the only enabled admin."], disabled.Errors);
        await WithUsersAsync(async users => Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(_adminId))!)));
    }

    [Fact]
    public async Task ADisabledUserIsListedDisabledAndLockedOutUntilEnabledAgain()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var stampBefore = await StampOfAsync(trader);

        var disabled = await Users.SetDisabledAsync(_adminId, trader, disabled: true);

        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        Assert.True((await Users.ListAsync()).Single(u => u.Id == trader).Disabled);
        await WithUsersAsync(async users => Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(trader))!)));
        var stampWhileDisabled = await StampOfAsync(trader);
        Assert.NotEqual(stampBefore, stampWhileDisabled);

        var enabled = await Users.SetDisabledAsync(_adminId, trader, disabled: false);

        Assert.True(enabled.Succeeded, string.Join(" ", enabled.Errors));
        Assert.False((await Users.ListAsync()).Single(u => u.Id == trader).Disabled);
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(trader))!;
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.Equal(0, await users.GetAccessFailedCountAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, GoodPassword));
        });
        Assert.NotEqual(stampWhileDisabled, await StampOfAsync(trader));
    }

    [Fact]
    public async Task ATemporaryLockoutAfterFailedSignInsIsNotListedAsDisabled()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(trader))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(5));
        });

        Assert.False((await Users.ListAsync()).Single(u => u.Id == trader).Disabled);
    }

    [Fact]
    public async Task SetDisabledRefusesAnUnknownUser() =>
        Assert.Equal(["User no-such-user does not exist."], (await Users.SetDisabledAsync(_adminId, "no-such-user", disabled: true)).Errors);

    [Fact]
    public async Task AssigningAConnectionOwnerReachesTheConfigurationAndNullGivesItBackToAdmins()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var connection = _app.Config.Current.Connections.Single();
        Assert.Null(connection.OwnerUserId);

        var assigned = await Users.AssignConnectionOwnerAsync(connection.Id, trader);

        Assert.True(assigned.Succeeded, string.Join(" ", assigned.Errors));
        Assert.Equal(trader, _app.Config.Current.Connections.Single().OwnerUserId);
        Assert.Equal(1, (await Users.ListAsync()).Single(u => u.Id == trader).OwnedConnections);
        Assert.Equal(trader, (await ConnectionsService.ListAsync()).Single().OwnerUserId);
        Assert.Equal(_app.Config.Current.Accounts.Count, UserScope.For(new Viewer(trader, false), _app.Config.Current).Accounts.Count);

        var returned = await Users.AssignConnectionOwnerAsync(connection.Id, null);

        Assert.True(returned.Succeeded, string.Join(" ", returned.Errors));
        Assert.Null(_app.Config.Current.Connections.Single().OwnerUserId);
        Assert.Equal(0, (await Users.ListAsync()).Single(u => u.Id == trader).OwnedConnections);
        Assert.Empty(UserScope.For(new Viewer(trader, false), _app.Config.Current).Accounts);
    }

    [Fact]
    public async Task AssigningRefusesAnUnknownConnectionOrUserAndKeepsTheOwner()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var connection = _app.Config.Current.Connections.Single();
        Assert.True((await Users.AssignConnectionOwnerAsync(connection.Id, trader)).Succeeded);

        Assert.Equal(["Connection 9999 does not exist."], (await Users.AssignConnectionOwnerAsync(9999, trader)).Errors);
        Assert.Equal(["User no-such-user does not exist."], (await Users.AssignConnectionOwnerAsync(connection.Id, "no-such-user")).Errors);

        Assert.Equal(trader, _app.Config.Current.Connections.Single().OwnerUserId);
        Assert.Equal(trader, await _app.WithDbAsync(async db => (await db.BrokerConnections.FindAsync(connection.Id))!.OwnerUserId));
    }

    [Fact]
    public async Task ASavedConnectionKeepsTheOwnerOfItsDraft()
    {
        var trader = await CreateUserAsync("trader@example.com", UserRoles.Trader, GoodPassword);
        var draft = new ConnectionDraft("Trader's paper", BrokerKind.Simulator) { OwnerUserId = trader };

        var saved = await ConnectionsService.SaveAsync(draft, [new AccountChoice("SIM-1", "Trader leader", AccountRole.Leader)]);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var snapshot = _app.Config.Current.Connections.Single(c => c.Id == saved.ConnectionId);
        Assert.Equal(trader, snapshot.OwnerUserId);
        Assert.Equal(trader, (await ConnectionsService.ListAsync()).Single(c => c.Id == saved.ConnectionId).OwnerUserId);
        var scope = UserScope.For(new Viewer(trader, false), _app.Config.Current);
        Assert.Equal([saved.ConnectionId!.Value], scope.Config.Connections.Select(c => c.Id));
        Assert.Equal(["Trader leader"], scope.Accounts.Select(a => a.DisplayName));
        Assert.Equal(["Trader leader"], scope.Groups.Select(g => g.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ASavedConnectionWithoutAnOwnerIsForAdminsOnly(string? owner)
    {
        var draft = new ConnectionDraft("House paper", BrokerKind.Simulator) { OwnerUserId = owner };
        var saved = await ConnectionsService.SaveAsync(draft, [new AccountChoice("SIM-1", "House", AccountRole.Leader)]);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        Assert.Null(_app.Config.Current.Connections.Single(c => c.Id == saved.ConnectionId).OwnerUserId);
    }

    private IBrokerConnectionService ConnectionsService => _app.Services.GetRequiredService<IBrokerConnectionService>();

    private async Task<string> CreateUserAsync(string email, string role, string password)
    {
        var id = "";
        await WithUsersAsync(async users =>
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            id = user.Id;
        });
        return id;
    }

    private async Task<string> RoleOfAsync(string userId) => (await Users.ListAsync()).Single(u => u.Id == userId).Role;

    private Task<string?> StampOfAsync(string userId) => _app.WithDbAsync(async db => (await db.Users.FindAsync(userId))!.SecurityStamp);

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}

public sealed class SqliteUserAdministrationTests : UserAdministrationTests
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class PostgresUserAdministrationTests : UserAdministrationTests
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["Database:ConnectionString"] = await PostgresServer.CreateDatabaseAsync(),
    };
}
