using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// What the user must see while the connection stays up: a login Tradovate locked (HTTP 429, a captcha penalty), which
/// refuses every call until the lock's own end, and a failed token renewal (the good token stays in use). Shown as a
/// <see cref="ConnectionNoticeEvent"/> on the connection's accounts, cleared when it no longer holds.
/// </summary>
internal sealed partial class TradovateConnector
{
    private readonly Lock _noticeGate = new();
    private TradovateLoginLock? _shownLock;
    private string? _shownNotice;
    private ITimer? _lockEnd;

    private T Checked<T>(TradovateResult<T> result)
    {
        if (!result.IsSuccess)
        {
            ShowNotice();
        }

        return result.GetValueOrThrow();
    }

    private void ShowNotice()
    {
        var locked = Rest.CurrentLock;
        var notice = string.Join(' ', new[] { LockText(locked), RenewalText() }.OfType<string>());
        lock (_noticeGate)
        {
            if (locked != _shownLock)
            {
                _shownLock = locked;
                _lockEnd?.Dispose();
                _lockEnd = locked is null ? null : _parts.Clock.CreateTimer(_ => ShowNotice(), null, Until(locked), Timeout.InfiniteTimeSpan);
            }

            var shown = notice.Length == 0 ? null : notice;
            if (shown == _shownNotice)
            {
                return;
            }

            _shownNotice = shown;
            _events.Writer.TryWrite(new ConnectionNoticeEvent(_parts.Clock.GetUtcNow(), shown));
        }
    }

    private void StopNotices()
    {
        _parts.SignIn.Holder.Changed -= ShowNotice;
        lock (_noticeGate)
        {
            _lockEnd?.Dispose();
        }
    }

    private TimeSpan Until(TradovateLoginLock locked)
    {
        var wait = locked.Until - _parts.Clock.GetUtcNow();
        return (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) + TimeSpan.FromMilliseconds(10);
    }

    private string? LockText(TradovateLoginLock? locked) => locked is null ? null : string.Create(
        CultureInfo.InvariantCulture,
        $"Tradovate login {_parts.LoginKey} is locked until {locked.Until:yyyy-MM-dd HH:mm} UTC ({locked.Reason}); no requests are sent until then.");

    private string? RenewalText() =>
        _parts.SignIn.Holder is { LastFailure: { } failure, Current: { } token }
            ? string.Create(CultureInfo.InvariantCulture, $"Renewing the Tradovate token failed ({failure}); the current token stays in use until {token.ExpirationTime:yyyy-MM-dd HH:mm} UTC.")
            : null;
}
