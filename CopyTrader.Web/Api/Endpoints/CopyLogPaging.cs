using System.Globalization;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>The copy log's <c>page</c> (1-based) and <c>pageSize</c> query parameters, each problem a field error.</summary>
internal sealed record CopyLogPaging(int Page, int PageSize)
{
    public const string PageParameter = "page";
    public const string PageSizeParameter = "pageSize";
    public const int DefaultPageSize = 50;

    /// <summary>The query's own limit (<c>CopyLogQuery.MaxPageSize</c>).</summary>
    public const int MaxPageSize = 500;

    public static CopyLogPaging Read(IQueryCollection query, FieldErrors errors)
    {
        var pageSize = Number(query, PageSizeParameter, DefaultPageSize, MaxPageSize, "The page size", errors) ?? DefaultPageSize;

        // The entries skipped, (page - 1) × pageSize, must stay an int (and so must the bound itself when pageSize is 1).
        var page = Number(query, PageParameter, 1, (int)Math.Min(int.MaxValue, int.MaxValue / pageSize + 1L), "The page", errors) ?? 1;
        return new CopyLogPaging(page, pageSize);
    }

    private static int? Number(IQueryCollection query, string name, int fallback, int max, string what, FieldErrors errors)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors.Add(name, $"Give '{name}' once, not {values.Count} times.");
            return null;
        }

        var text = values.ToString().Trim();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors.Add(name, $"{what} is a whole number from 1 to {max} (got '{text}').");
        return null;
    }
}
