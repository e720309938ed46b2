using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Simulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Support;

public static class Simulators
{
    public static SimulatorExchange Exchange(FakeTimeProvider? clock = null) =>
        new(InstrumentCatalog.Default, clock ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T15:00:00Z")),
            Options.Create(new SimulatorOptions { RandomSeed = 42, StartingBalance = 50_000m }));
}
