using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>The pause a background writer takes after its first pending change, to commit a burst at once.</summary>
internal sealed class WriteBatchWindow(IOptions<CopyOptions> options, TimeProvider clock)
{
    public TimeSpan Window => TimeSpan.FromMilliseconds(options.Value.WriteBatchMilliseconds);

    public Task WaitAsync(CancellationToken ct) => Window == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(Window, clock, ct);
}
