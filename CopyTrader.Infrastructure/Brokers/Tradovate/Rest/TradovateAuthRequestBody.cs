using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// The JSON body of <c>auth/accesstokenrequest</c> (protocol file 1.2) [C], fields always in the same order so a
/// retry after a penalty is the identical body plus <c>"p-ticket"</c> (protocol file 1.4) [C].
/// </summary>
internal static class TradovateAuthRequestBody
{
    public static byte[] Write(TradovateCredentials credentials, string? penaltyTicket)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", credentials.Name);
            writer.WriteString("password", credentials.Password);
            writer.WriteString("appId", credentials.AppId);
            writer.WriteString("appVersion", credentials.AppVersion);
            writer.WriteNumber("cid", credentials.Cid);
            writer.WriteString("sec", credentials.Sec);
            if (credentials.DeviceId is { } deviceId)
            {
                writer.WriteString("deviceId", deviceId);
            }

            if (penaltyTicket is not null)
            {
                writer.WriteString("p-ticket", penaltyTicket);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
