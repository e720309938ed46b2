using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>
/// What a Tradovate broker connection stores, as JSON, inside <c>BrokerConnection.ProtectedCredentials</c>: the
/// environment (a key of <see cref="TradovateOptions.Environments"/>) and the login of <see cref="TradovateCredentials"/>.
/// <see cref="ToString"/> never shows the password or the secret.
/// </summary>
public sealed record TradovateConnectionSettings(
    string Environment,
    string Name,
    string Password,
    string AppId,
    string AppVersion,
    long Cid,
    string Sec,
    string? DeviceId = null)
{
    public TradovateCredentials ToCredentials() => new(Name, Password, AppId, AppVersion, Cid, Sec, DeviceId);

    /// <summary>The reasons these settings cannot be used, in words for the form; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Require(Environment, "The Tradovate environment is required.");
        Require(Name, "The Tradovate username is required.");
        Require(Password, "The Tradovate password is required.");
        Require(AppId, "The app id is required.");
        Require(AppVersion, "The app version is required.");
        Require(Sec, "The API secret (sec) is required.");
        if (Cid <= 0)
        {
            problems.Add($"The API key id (cid) must be a positive number (got {Cid}).");
        }

        return problems;

        void Require(string? value, string problem)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(problem);
            }
        }
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("environment", Environment);
            writer.WriteString("name", Name);
            writer.WriteString("password", Password);
            writer.WriteString("appId", AppId);
            writer.WriteString("appVersion", AppVersion);
            writer.WriteNumber("cid", Cid);
            writer.WriteString("sec", Sec);
            if (DeviceId is not null)
            {
                writer.WriteString("deviceId", DeviceId);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="FormatException">Not JSON, not an object, or a field missing or of the wrong type; the message names it.</exception>
    public static TradovateConnectionSettings Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Tradovate connection settings are not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Tradovate connection settings must be a JSON object, not {root.ValueKind}.");
            }

            return new TradovateConnectionSettings(
                Text(root, "environment"),
                Text(root, "name"),
                Text(root, "password"),
                Text(root, "appId"),
                Text(root, "appVersion"),
                Number(root, "cid"),
                Text(root, "sec"),
                root.TryGetProperty("deviceId", out var device) && device.ValueKind != JsonValueKind.Null ? TextOf(device, "deviceId") : null);
        }
    }

    public override string ToString() =>
        $"TradovateConnectionSettings {{ Environment = {Environment}, Name = {Name}, Password = ***, AppId = {AppId}, AppVersion = {AppVersion}, Cid = {Cid}, Sec = ***, DeviceId = {DeviceId} }}";

    private static string Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value)
            ? TextOf(value, field)
            : throw new FormatException($"Tradovate connection settings lack '{field}'.");

    private static string TextOf(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Tradovate connection settings: '{field}' must be a string, not {value.ValueKind}.");

    private static long Number(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var value)
            ? throw new FormatException($"Tradovate connection settings lack '{field}'.")
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : throw new FormatException($"Tradovate connection settings: '{field}' must be a whole number, not {value.ValueKind} {value.GetRawText()}.");
}
