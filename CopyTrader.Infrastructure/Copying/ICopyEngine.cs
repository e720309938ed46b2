using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying;

public interface ICopyEngine
{
    /// <summary>One follower's copy ended (accepted, rejected, skipped or failed).</summary>
    event Action<CopyLogEntry>? CopyCompleted;
}
