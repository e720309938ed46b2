namespace CopyTrader.Domain.Trading;

public enum OrderType
{
    Market,
    Limit,
    Stop,
}
