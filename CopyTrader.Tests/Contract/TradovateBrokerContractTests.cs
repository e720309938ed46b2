using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.Contract;

/// <summary>The production Tradovate connector against the protocol-faithful fake exchange on loopback.</summary>
public sealed class TradovateBrokerContractTests : BrokerContractTests
{
    protected override async Task<IBrokerVenue> StartVenueAsync() => new TradovateVenue(await TradovateConnectorRig.StartAsync());

    private sealed class TradovateVenue(TradovateConnectorRig rig) : IBrokerVenue
    {
        private readonly long _account = rig.Server.Exchange.Account("DEMO25").Id;

        public string AccountId => _account.ToString(CultureInfo.InvariantCulture);

        public string Symbol => "MNQZ6";

        public decimal TickSize => 0.25m;

        public decimal Price => rig.Server.Exchange.PriceOf(Symbol);

        public Task SetPriceAsync(decimal price)
        {
            rig.Server.Exchange.SetPrice(Symbol, price);
            return Task.CompletedTask;
        }

        public IBrokerConnector CreateConnector() => rig.CreateConnector([AccountId]);

        public ValueTask DisposeAsync() => rig.DisposeAsync();
    }
}
