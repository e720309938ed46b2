using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Brokers;

public interface IBrokerConnectorFactory
{
    /// <summary>A new, not yet connected connector for a broker connection and the accounts it must serve.</summary>
    IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds);
}
