using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>Any attempt and jitter sample: the delay stays within [base, base × 1.1], never above 66 s, and the base never shrinks.</summary>
public class ReconnectBackoffProperties
{
    private static readonly ReconnectBackoffOptions Defaults = new();

    private static readonly Gen<int> Attempts = Gen.OneOf(Gen.Choose(1, 80), Gen.Choose(1, int.MaxValue));

    private static readonly Gen<double> Jitters = Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0),
        ArbMap.Default.GeneratorFor<double>());

    [Property(MaxTest = 500)]
    public Property DelayStaysWithinTheBounds() => Prop.ForAll(Attempts.ToArbitrary(), Jitters.ToArbitrary(), (attempt, jitter) =>
    {
        var baseDelay = ReconnectBackoff.BaseFor(attempt, Defaults);
        var delay = ReconnectBackoff.DelayFor(attempt, jitter, Defaults);

        Assert.InRange(delay, baseDelay, baseDelay * 1.1);
        Assert.True(delay <= TimeSpan.FromSeconds(66));
    });

    [Property(MaxTest = 500)]
    public Property BaseIsMonotone() => Prop.ForAll(Attempts.ToArbitrary(), attempt =>
    {
        var next = attempt == int.MaxValue ? attempt : attempt + 1;

        Assert.True(ReconnectBackoff.BaseFor(next, Defaults) >= ReconnectBackoff.BaseFor(attempt, Defaults));
    });
}
