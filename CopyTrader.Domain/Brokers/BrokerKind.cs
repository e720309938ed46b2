namespace CopyTrader.Domain.Brokers;

public enum BrokerKind
{
    Simulator,
    Tradovate,
    ProjectX,
    DasTrader,
}
