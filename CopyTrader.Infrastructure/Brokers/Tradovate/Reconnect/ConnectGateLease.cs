namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>One held slot of <see cref="ConnectGate"/>; disposing it (once or more) frees the slot.</summary>
public sealed class ConnectGateLease(SemaphoreSlim slots) : IDisposable
{
    private int _released;

    public bool IsReleased => Volatile.Read(ref _released) == 1;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            slots.Release();
        }
    }
}
