using CopyTrader.Infrastructure.Users;

namespace CopyTrader.Web.Components.Pages.Settings;

/// <summary>The address an invited user opens to choose their password.</summary>
public static class InvitationLink
{
    public const string Path = "account/invite";

    public static string For(string baseUri, Invitation invitation) =>
        $"{baseUri.TrimEnd('/')}/{Path}?user={Uri.EscapeDataString(invitation.UserId)}&token={Uri.EscapeDataString(invitation.Token)}";
}
