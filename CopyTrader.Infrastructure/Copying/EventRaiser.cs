using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>Invokes each subscriber on its own, so one failing subscriber cannot break the socket loop or the others.</summary>
internal static class EventRaiser
{
    public static void Raise<T>(Action<T>? handlers, T args, ILogger logger)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(args);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A subscriber to {EventArgs} threw", typeof(T).Name);
            }
        }
    }
}
