using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>Takes copy log entries off the hot path; never blocks and never waits for the database.</summary>
public interface ICopyLogSink
{
    void Append(CopyLogEntry entry);
}
