namespace CopyTrader.Infrastructure.Audit;

/// <summary>How a change reached the app.</summary>
public enum AuditChannel
{
    /// <summary>A signed-in user in the browser (a page, a form, the cockpit).</summary>
    Web,

    /// <summary>The automation API, with an API key or the browser's cookie.</summary>
    Api,

    /// <summary>The app itself: startup, schedules, anything no user asked for.</summary>
    System,
}

/// <summary>Who is acting: the signed-in user (their id and name) and the channel, or <see cref="System"/>.</summary>
public sealed record Actor(string? UserId, string Name, AuditChannel Channel)
{
    public static readonly Actor System = new(null, "system", AuditChannel.System);
}
