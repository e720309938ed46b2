namespace CopyTrader.Infrastructure.Users;

/// <summary>The signed-in user a page or an API call acts for: enough to decide what they may see.</summary>
public sealed record Viewer(string UserId, bool IsAdmin);
