using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// A login Tradovate locked (HTTP 429, a captcha penalty) refuses every call until the lock ends; the connection stays up,
/// so the lock is shown as a notice on its accounts from the failed call until the lock's own end.
/// </summary>
internal sealed partial class TradovateConnector
{
    private readonly Lock _lockGate = new();
    private TradovateLoginLock? _shownLock;
    private ITimer? _lockEnd;

    private T Checked<T>(TradovateResult<T> result)
    {
        if (!result.IsSuccess)
        {
            ShowLoginLock();
        }

        return result.GetValueOrThrow();
    }

    private void ShowLoginLock()
    {
        var current = Rest.CurrentLock;
        lock (_lockGate)
        {
            if (current == _shownLock)
            {
                return;
            }

            _shownLock = current;
            _lockEnd?.Dispose();
            _lockEnd = current is null
                ? null
                : _parts.Clock.CreateTimer(_ => ShowLoginLock(), null, Until(current), Timeout.InfiniteTimeSpan);
        }

        _events.Writer.TryWrite(new ConnectionNoticeEvent(_parts.Clock.GetUtcNow(), current is null ? null : Describe(current)));
    }

    private TimeSpan Until(TradovateLoginLock current)
    {
        var wait = current.Until - _parts.Clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait + TimeSpan.FromMilliseconds(10) : TimeSpan.FromMilliseconds(10);
    }

    private string Describe(TradovateLoginLock current) => string.Create(
        CultureInfo.InvariantCulture,
        $"Tradovate login {_parts.LoginKey} is locked until {current.Until:yyyy-MM-dd HH:mm} UTC ({current.Reason}); no requests are sent until then.");
}
