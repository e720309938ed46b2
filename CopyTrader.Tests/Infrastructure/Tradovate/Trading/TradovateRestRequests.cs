using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>Two requests the pipeline tests send: a GET read and a POST placement.</summary>
internal static class TradovateRestRequests
{
    public static readonly TradovateRestRequest Accounts = TradovateRestRequest.Get("account/list");

    public static TradovateRestRequest Place() =>
        TradovateRestRequest.Post("order/placeorder", new TradovateJsonBody(w =>
        {
            w.WriteString("accountSpec", "DEMO1");
            w.WriteNumber("accountId", 7);
            w.WriteString("clOrdId", "CT-1");
        }));
}
