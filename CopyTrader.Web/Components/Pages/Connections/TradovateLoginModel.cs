using CopyTrader.Infrastructure.Brokers.Tradovate;

namespace CopyTrader.Web.Components.Pages.Connections;

/// <summary>The Tradovate login fields as typed; the password and secret are kept exactly as entered.</summary>
public sealed class TradovateLoginModel
{
    public string Environment { get; set; } = "";
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string AppId { get; set; } = "";
    public string AppVersion { get; set; } = "";
    public long? Cid { get; set; }
    public string Sec { get; set; } = "";
    public string? DeviceId { get; set; }

    /// <summary>demo when configured (the safe place to start), else the first environment.</summary>
    public static string DefaultEnvironment(IReadOnlyList<string> environments) =>
        environments.FirstOrDefault(e => string.Equals(e, "demo", StringComparison.OrdinalIgnoreCase)) ?? environments.FirstOrDefault() ?? "";

    public TradovateConnectionSettings ToSettings() => new(
        Environment, Username.Trim(), Password, AppId.Trim(), AppVersion.Trim(), Cid ?? 0, Sec,
        string.IsNullOrWhiteSpace(DeviceId) ? null : DeviceId.Trim());
}
