namespace CopyTrader.Infrastructure.Users;

/// <summary>A user as the users page lists them.</summary>
public sealed record UserSummary(string Id, string Email, string Role, bool Disabled, bool InvitationPending, int OwnedConnections);

/// <summary>An invitation: the link's query values, shown to the admin once to pass on (there is no mail server).</summary>
public sealed record Invitation(string UserId, string Email, string Token, DateTimeOffset ExpiresUtc);

/// <summary>The outcome of a change to users: succeeded, or the reasons it was refused, in words for the user.</summary>
public sealed record UserChangeResult(bool Succeeded, IReadOnlyList<string> Errors, Invitation? Invitation = null)
{
    public static readonly UserChangeResult Done = new(true, []);

    public static UserChangeResult Refused(params string[] errors) => new(false, errors);

    public static UserChangeResult Invited(Invitation invitation) => new(true, [], invitation);
}
