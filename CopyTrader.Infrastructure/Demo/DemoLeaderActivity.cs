using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Simulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Demo;

/// <summary>
/// Trades the demo leader on the simulator every few seconds, the way a person trading on the broker's own
/// platform would, so a new user sees entries, adds, trims, reversals and closes copied.
/// </summary>
internal sealed class DemoLeaderActivity(
    SimulatorExchange exchange,
    TimeProvider clock,
    IOptions<DemoOptions> options,
    ILogger<DemoLeaderActivity> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ActivityEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ActivityIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                TradeOnce();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Demo leader trade failed");
            }
        }
    }

    private void TradeOnce()
    {
        var symbol = FuturesSymbol.FrontQuarterly(options.Value.Root, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToString();
        var current = exchange.Positions(DemoDataSeeder.LeaderExternalId).FirstOrDefault(p => p.Symbol == symbol)?.Quantity ?? 0;
        var target = NextTarget(current);
        if (target == current)
        {
            return;
        }

        var delta = target - current;
        var result = exchange.Place(new OrderRequest(DemoDataSeeder.LeaderExternalId, symbol, SideExtensions.ForDelta(delta), Math.Abs(delta)));
        logger.LogInformation("Demo leader {Side} {Quantity} {Symbol}: {Position} -> {Target} ({Result})",
            SideExtensions.ForDelta(delta), Math.Abs(delta), symbol, current, target, result.Accepted ? "filled" : result.RejectReason);
    }

    /// <summary>From flat: enter 1-2 either way. In a position: add, trim, close or reverse, staying within 3 contracts.</summary>
    private int NextTarget(int current)
    {
        if (current == 0)
        {
            return (_random.Next(2) == 0 ? 1 : -1) * _random.Next(1, 3);
        }

        var side = Math.Sign(current);
        return _random.Next(4) switch
        {
            0 when Math.Abs(current) < 3 => current + side,
            1 when Math.Abs(current) > 1 => current - side,
            2 => -side * _random.Next(1, 3),
            _ => 0,
        };
    }
}
