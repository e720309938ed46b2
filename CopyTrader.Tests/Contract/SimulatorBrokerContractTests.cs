using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Contract;

public sealed class SimulatorBrokerContractTests : BrokerContractTests
{
    protected override Task<IBrokerVenue> StartVenueAsync() => Task.FromResult<IBrokerVenue>(new SimulatorVenue());

    private sealed class SimulatorVenue : IBrokerVenue
    {
        private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T15:00:00Z"));
        private readonly SimulatorExchange _exchange;

        public SimulatorVenue()
        {
            _exchange = Simulators.Exchange(_clock);
            _exchange.SetPrice(Symbol, 21_000m);
        }

        public string AccountId => "SIM-CONTRACT";

        public string Symbol => "MNQZ6";

        public decimal TickSize => 0.25m;

        public decimal Price => _exchange.PriceOf(Symbol);

        public Task SetPriceAsync(decimal price)
        {
            _exchange.SetPrice(Symbol, price);
            return Task.CompletedTask;
        }

        public IBrokerConnector CreateConnector() => new SimulatorConnector(_exchange, [AccountId], _clock);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
