using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

namespace CopyTrader.Infrastructure.Brokers;

internal sealed class BrokerConnectorFactory(SimulatorExchange simulator, TradovateConnectorFactory tradovate, TimeProvider clock) : IBrokerConnectorFactory
{
    public IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds) => connection.Kind switch
    {
        BrokerKind.Simulator => new SimulatorConnector(simulator, accountExternalIds, clock),
        BrokerKind.Tradovate => tradovate.Create(connection, accountExternalIds),
        _ => throw new NotSupportedException($"Connection '{connection.Name}': the {connection.Kind} connector is not available in this version."),
    };
}
