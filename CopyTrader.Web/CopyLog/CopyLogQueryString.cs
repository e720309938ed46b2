using System.Globalization;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;
using Microsoft.AspNetCore.WebUtilities;

namespace CopyTrader.Web.CopyLog;

/// <summary>
/// A copy log filter in a URL, as the page's export link writes it and the export endpoint reads it:
/// <c>from</c>/<c>to</c> (ISO 8601; without an offset, UTC), <c>group</c>, <c>follower</c> (account id),
/// <c>outcome</c> (Accepted, Rejected, Skipped, Failed, DryRun) and <c>symbol</c>. The automation API reads the
/// same filter under its own parameter names (<see cref="ParameterNames"/>).
/// </summary>
public static class CopyLogQueryString
{
    public const string From = "from";
    public const string To = "to";
    public const string Group = "group";
    public const string Follower = "follower";
    public const string Outcome = "outcome";
    public const string Symbol = "symbol";

    /// <summary>The names the page's links use.</summary>
    public static readonly ParameterNames PageNames = new(From, To, Group, Follower, Outcome, Symbol);

    /// <summary>What each criterion is called in a query string; the errors are keyed by these names.</summary>
    public sealed record ParameterNames(string From, string To, string Group, string Follower, string Outcome, string Symbol);

    public static string Append(string path, CopyLogFilter filter)
    {
        var values = new Dictionary<string, string?>
        {
            [From] = filter.FromUtc?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            [To] = filter.ToUtc?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            [Group] = filter.CopyGroupId?.ToString(CultureInfo.InvariantCulture),
            [Follower] = filter.FollowerAccountId?.ToString(CultureInfo.InvariantCulture),
            [Outcome] = filter.Outcome?.ToString(),
            [Symbol] = filter.SymbolPrefix,
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => v.Value is not null));
    }

    /// <summary>Reads the filter; false with a message per parameter when a value is malformed or the filter has problems.</summary>
    public static bool TryRead(IQueryCollection query, out CopyLogFilter filter, out Dictionary<string, string[]> errors) =>
        TryRead(query, PageNames, out filter, out errors);

    /// <summary>The same, with the parameters under <paramref name="names"/>.</summary>
    public static bool TryRead(IQueryCollection query, ParameterNames names, out CopyLogFilter filter, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>();
        filter = new CopyLogFilter
        {
            FromUtc = Read<DateTimeOffset>(query, names.From, problems, TryParseInstant, "an ISO 8601 date and time, such as 2026-11-23T14:30:00Z"),
            ToUtc = Read<DateTimeOffset>(query, names.To, problems, TryParseInstant, "an ISO 8601 date and time, such as 2026-11-23T15:00:00Z"),
            CopyGroupId = Read<int>(query, names.Group, problems, TryParseId, "a copy group id"),
            FollowerAccountId = Read<int>(query, names.Follower, problems, TryParseId, "a follower account id"),
            Outcome = Read<CopyOutcome>(query, names.Outcome, problems, TryParseOutcome, $"one of {string.Join(", ", Enum.GetNames<CopyOutcome>())}"),
            Symbol = Single(query, names.Symbol, problems),
        };

        if (problems.Count == 0)
        {
            foreach (var (field, message) in filter.Problems())
            {
                problems[field switch
                {
                    nameof(CopyLogFilter.FromUtc) => names.From,
                    nameof(CopyLogFilter.Outcome) => names.Outcome,
                    _ => names.Symbol,
                }] = [message];
            }
        }

        errors = problems;
        return problems.Count == 0;
    }

    private delegate bool Parser<T>(string text, out T value);

    private static T? Read<T>(IQueryCollection query, string name, Dictionary<string, string[]> problems, Parser<T> parse, string expected)
        where T : struct
    {
        if (Single(query, name, problems) is not { } text)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        problems[name] = [$"'{text}' is not {expected}."];
        return null;
    }

    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> problems)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            problems[name] = [$"Give '{name}' once, not {values.Count} times."];
            return null;
        }

        return string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString().Trim();
    }

    private static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        value = value.ToUniversalTime();
        return ok;
    }

    private static bool TryParseId(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryParseOutcome(string text, out CopyOutcome value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
