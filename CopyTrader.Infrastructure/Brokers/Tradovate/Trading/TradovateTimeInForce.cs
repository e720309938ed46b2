using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Tradovate's <c>timeInForce</c> values (protocol file 1.8) [C]; <see cref="GTD"/> needs an expire time.</summary>
public enum TradovateTimeInForce
{
    Day,
    GTC,
    IOC,
    FOK,
    GTD,
}

public static class TradovateTimeInForceExtensions
{
    public static TradovateTimeInForce ToTradovate(this TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Day => TradovateTimeInForce.Day,
        TimeInForce.GoodTillCanceled => TradovateTimeInForce.GTC,
        TimeInForce.ImmediateOrCancel => TradovateTimeInForce.IOC,
        TimeInForce.FillOrKill => TradovateTimeInForce.FOK,
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "No Tradovate equivalent."),
    };
}
