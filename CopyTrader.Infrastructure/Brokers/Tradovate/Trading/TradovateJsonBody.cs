using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// A JSON object body written by one function, so a resend after a penalty ticket is byte for byte the same body
/// with <c>"p-ticket"</c> added as its last property (protocol file 1.4) [C].
/// </summary>
public sealed class TradovateJsonBody(Action<Utf8JsonWriter> writeProperties)
{
    public byte[] ToBytes(string? penaltyTicket = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            if (penaltyTicket is not null)
            {
                writer.WriteString("p-ticket", penaltyTicket);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToBytes());
}
