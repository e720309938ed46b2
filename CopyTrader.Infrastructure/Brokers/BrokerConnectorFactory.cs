using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers.Simulator;

namespace CopyTrader.Infrastructure.Brokers;

internal sealed class BrokerConnectorFactory(SimulatorExchange simulator, TimeProvider clock) : IBrokerConnectorFactory
{
    public IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds) => connection.Kind switch
    {
        BrokerKind.Simulator => new SimulatorConnector(simulator, accountExternalIds, clock),
        _ => throw new NotSupportedException($"Connection '{connection.Name}': the {connection.Kind} connector is not available in this version."),
    };
}
