using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward in steps, yielding to the code under test between steps, for
/// loops that re-arm their timers after each wake and so cannot be driven by one big jump.
/// </summary>
internal static class FakeClockSteps
{
    /// <summary>Advances by <paramref name="step"/> until <paramref name="done"/> holds (real-time limit 3 s).</summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, TimeSpan step)
    {
        var limit = DateTime.UtcNow.AddSeconds(3);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < limit, $"condition not met; fake clock at {clock.GetUtcNow():O}");
            clock.Advance(step);
            await Task.Delay(5);
        }
    }

    /// <summary>Advances to <paramref name="target"/> in steps of at most <paramref name="step"/>.</summary>
    public static async Task AdvanceToAsync(this FakeTimeProvider clock, DateTimeOffset target, TimeSpan step)
    {
        while (clock.GetUtcNow() < target)
        {
            var left = target - clock.GetUtcNow();
            clock.Advance(left < step ? left : step);
            await Task.Delay(5);
        }
    }
}
