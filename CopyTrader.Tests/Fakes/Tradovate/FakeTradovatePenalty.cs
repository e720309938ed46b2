using System.Text.Json.Nodes;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>A penalty ticket answer: HTTP 200 <c>{"p-ticket","p-time","p-captcha"}</c> (protocol file 1.4) [C].</summary>
public sealed record FakeTradovatePenalty(string Ticket = "t1", int Seconds = 2, bool Captcha = false)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["p-ticket"] = Ticket, ["p-time"] = Seconds };
        if (Captcha)
        {
            json["p-captcha"] = true;
        }

        return json;
    }
}
