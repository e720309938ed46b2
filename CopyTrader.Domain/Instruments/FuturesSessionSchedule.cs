namespace CopyTrader.Domain.Instruments;

/// <summary>
/// A futures trading week in US Central Time: open from <see cref="WeekOpenDay"/> <see cref="WeekOpenTime"/> to
/// <see cref="WeekCloseDay"/> <see cref="WeekCloseTime"/>, minus a daily halt from <see cref="DailyHaltStart"/> to
/// <see cref="DailyHaltEnd"/> (both null: no halt; an end before the start spans midnight). The defaults are CME
/// Globex equity index futures: Sunday 17:00 to Friday 16:00 CT with a 16:00–17:00 CT halt, which falls on
/// Monday–Thursday because Sunday's is before the open and Friday's after the close. Exchange holidays are not modelled.
/// </summary>
public sealed record FuturesSessionSchedule
{
    public static FuturesSessionSchedule CmeEquityIndex { get; } = new();

    public DayOfWeek WeekOpenDay { get; init; } = DayOfWeek.Sunday;

    public TimeOnly WeekOpenTime { get; init; } = new(17, 0);

    public DayOfWeek WeekCloseDay { get; init; } = DayOfWeek.Friday;

    public TimeOnly WeekCloseTime { get; init; } = new(16, 0);

    public TimeOnly? DailyHaltStart { get; init; } = new(16, 0);

    public TimeOnly? DailyHaltEnd { get; init; } = new(17, 0);
}
