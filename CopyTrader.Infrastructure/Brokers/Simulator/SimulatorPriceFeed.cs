using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

/// <summary>Moves the simulator's prices on a timer, which also triggers working limit and stop orders.</summary>
internal sealed class SimulatorPriceFeed(SimulatorExchange exchange, TimeProvider clock, IOptions<SimulatorOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PriceTickMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            exchange.AdvancePrices();
        }
    }
}
