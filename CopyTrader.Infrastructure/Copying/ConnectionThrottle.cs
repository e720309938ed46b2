using System.Collections.Concurrent;
using CopyTrader.Domain.Brokers;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Per broker login (several accounts may share one, and its limits): at most
/// <see cref="CopyOptions.MaxConcurrentOrdersPerConnection"/> requests in flight and
/// <see cref="CopyOptions.MaxOrdersPerSecondPerConnection"/> a second. Logins do not wait for each other.
/// </summary>
internal sealed class ConnectionThrottle(TimeProvider clock, IOptions<CopyOptions> options)
{
    private readonly ConcurrentDictionary<int, Gate> _gates = new();

    /// <summary>Waits for a slot on the login; dispose the result when the broker has answered.</summary>
    public async Task<IDisposable> EnterAsync(int connectionId, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(connectionId, _ => new Gate(options.Value));
        await gate.InFlight.WaitAsync(ct);
        try
        {
            TimeSpan wait;
            lock (gate.Pacer)
            {
                wait = gate.Pacer.Reserve(clock.GetElapsedTime(0));
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, ct);
            }

            return new Slot(gate.InFlight);
        }
        catch
        {
            gate.InFlight.Release();
            throw;
        }
    }

    private sealed class Gate(CopyOptions options)
    {
        public SemaphoreSlim InFlight { get; } = new(options.MaxConcurrentOrdersPerConnection);
        public RequestPacer Pacer { get; } = new(options.MaxOrdersPerSecondPerConnection, options.MaxOrdersPerSecondPerConnection);
    }

    private sealed class Slot(SemaphoreSlim inFlight) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                inFlight.Release();
            }
        }
    }
}
