using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Benchmarks;

/// <summary>Diagnostic (<c>--null-copy-log</c>): copy log entries go nowhere, so the background SQLite writer has nothing to do.</summary>
internal sealed class NullCopyLogSink : ICopyLogSink
{
    public void Append(CopyLogEntry entry)
    {
    }
}
