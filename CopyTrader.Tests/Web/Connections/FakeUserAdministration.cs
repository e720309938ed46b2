using CopyTrader.Infrastructure.Users;

namespace CopyTrader.Tests.Web.Connections;

/// <summary>Users to list, and every change asked for; refuses with <see cref="Refusal"/> when set.</summary>
internal sealed class FakeUserAdministration : IUserAdministration
{
    public List<UserSummary> Users { get; } = [];
    public List<string> Calls { get; } = [];
    public string? Refusal { get; set; }
    public Invitation NextInvitation { get; set; } = new("new-user", "new@example.com", "token+/=", DateTimeOffset.Parse("2026-11-24T10:00:00Z"));

    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<UserSummary>>(Users.ToList());

    public Task<UserChangeResult> InviteAsync(string email, string role, CancellationToken ct = default) =>
        Answer($"invite {email} {role}", invitation: true);

    public Task<UserChangeResult> RenewInvitationAsync(string userId, CancellationToken ct = default) => Answer($"renew {userId}", invitation: true);

    public Task<UserChangeResult> AcceptInvitationAsync(string userId, string token, string password, CancellationToken ct = default) =>
        Answer($"accept {userId}");

    public Task<UserChangeResult> SetRoleAsync(string actingUserId, string userId, string role, CancellationToken ct = default) =>
        Answer($"role {actingUserId} {userId} {role}");

    public Task<UserChangeResult> SetDisabledAsync(string actingUserId, string userId, bool disabled, CancellationToken ct = default) =>
        Answer($"disabled {actingUserId} {userId} {disabled}");

    public Task<UserChangeResult> AssignConnectionOwnerAsync(int connectionId, string? ownerUserId, CancellationToken ct = default) =>
        Answer($"owner {connectionId} {ownerUserId ?? "admins"}");

    private Task<UserChangeResult> Answer(string call, bool invitation = false)
    {
        Calls.Add(call);
        return Task.FromResult(Refusal is { } refusal
            ? UserChangeResult.Refused(refusal)
            : invitation ? UserChangeResult.Invited(NextInvitation) : UserChangeResult.Done);
    }
}
