namespace CopyTrader.Domain.Instruments;

/// <summary>
/// Whether a <see cref="FuturesSessionSchedule"/> is open at a UTC instant, and when it next opens. The schedule is
/// read on the Central Time wall clock (<see cref="UsCentralTime"/>), so a wall-clock time skipped in March opens
/// at the jump to CDT, and one repeated in November counts from its first occurrence. Pure: the caller passes the time.
/// </summary>
public sealed class FuturesMarketHours
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly TimeSpan _weekOpen;
    private readonly TimeSpan _weekClose;
    private readonly TimeSpan? _haltStart;
    private readonly TimeSpan? _haltEnd;

    /// <exception cref="ArgumentException">The week opens and closes at the same moment, the halt is half set or
    /// empty, or the schedule is never open.</exception>
    public FuturesMarketHours(FuturesSessionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
        _weekOpen = OfWeek(schedule.WeekOpenDay, schedule.WeekOpenTime);
        _weekClose = OfWeek(schedule.WeekCloseDay, schedule.WeekCloseTime);
        _haltStart = schedule.DailyHaltStart?.ToTimeSpan();
        _haltEnd = schedule.DailyHaltEnd?.ToTimeSpan();
        if (_weekOpen == _weekClose)
        {
            throw new ArgumentException("The trading week opens and closes at the same moment.", nameof(schedule));
        }

        if (_haltStart.HasValue != _haltEnd.HasValue || (_haltStart.HasValue && _haltStart == _haltEnd))
        {
            throw new ArgumentException("The daily halt needs both a start and a different end, or neither.", nameof(schedule));
        }

        if (FirstOpenFrom(new DateTime(2001, 1, 7)) is null)
        {
            throw new ArgumentException("The daily halt covers the whole trading week; the schedule is never open.", nameof(schedule));
        }
    }

    /// <summary>CME Globex equity index futures (<see cref="FuturesSessionSchedule.CmeEquityIndex"/>).</summary>
    public static FuturesMarketHours CmeEquityIndex { get; } = new(FuturesSessionSchedule.CmeEquityIndex);

    public FuturesSessionSchedule Schedule { get; }

    public bool IsOpen(DateTimeOffset instant) => IsOpenAt(UsCentralTime.ToCentral(instant).DateTime);

    /// <summary>The earliest instant at or after <paramref name="instant"/> that is open (itself when open), in UTC.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        // Between two offset changes the wall clock runs evenly, so the first open wall-clock time in that stretch
        // is the answer; past its end, continue from the change (where the wall clock has jumped).
        var from = instant.ToUniversalTime();
        for (var stretch = 0; stretch < 64; stretch++)
        {
            var offset = UsCentralTime.OffsetAt(from);
            var until = UsCentralTime.NextChangeAfter(from);
            var wallClock = (from + offset).DateTime;
            var open = FirstOpenFrom(wallClock) ?? throw new InvalidOperationException("The schedule is never open.");
            var openUtc = new DateTimeOffset((open - offset).Ticks, TimeSpan.Zero);
            if (openUtc < until)
            {
                return openUtc;
            }

            from = until;
        }

        throw new InvalidOperationException($"No open found after {instant:O}.");
    }

    private static TimeSpan OfWeek(DayOfWeek day, TimeOnly time) => TimeSpan.FromDays((int)day) + time.ToTimeSpan();

    private bool IsOpenAt(DateTime wallClock)
    {
        var ofWeek = OfWeek(wallClock.DayOfWeek, TimeOnly.FromTimeSpan(wallClock.TimeOfDay));
        var inWeek = _weekOpen < _weekClose
            ? ofWeek >= _weekOpen && ofWeek < _weekClose
            : ofWeek >= _weekOpen || ofWeek < _weekClose;
        return inWeek && !InHalt(wallClock.TimeOfDay);
    }

    private bool InHalt(TimeSpan timeOfDay) => _haltStart is { } start && _haltEnd is { } end && (start < end
        ? timeOfDay >= start && timeOfDay < end
        : timeOfDay >= start || timeOfDay < end);

    /// <summary>
    /// The first open wall-clock time at or after <paramref name="wallClock"/>, or null if none within a week.
    /// The market only opens at the week open or at the end of a halt, so those are the candidates.
    /// </summary>
    private DateTime? FirstOpenFrom(DateTime wallClock)
    {
        if (IsOpenAt(wallClock))
        {
            return wallClock;
        }

        DateTime? first = null;
        var sunday = wallClock.Date.AddDays(-(int)wallClock.DayOfWeek);
        for (var week = 0; week <= 1; week++)
        {
            first = Earlier(first, sunday + (Week * week) + _weekOpen, wallClock);
        }

        for (var day = 0; _haltEnd is { } end && day <= 8; day++)
        {
            first = Earlier(first, wallClock.Date.AddDays(day) + end, wallClock);
        }

        return first;
    }

    private DateTime? Earlier(DateTime? best, DateTime candidate, DateTime notBefore) =>
        candidate >= notBefore && IsOpenAt(candidate) && (best is null || candidate < best) ? candidate : best;
}
