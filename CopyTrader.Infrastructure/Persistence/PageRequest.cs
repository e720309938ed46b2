namespace CopyTrader.Infrastructure.Persistence;

/// <summary>The checks every paged read makes: page from 0, a size from 1 to the read's maximum, no overflowing offset.</summary>
internal static class PageRequest
{
    public static void EnsureValid(int page, int pageSize, int maxPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, maxPageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, int.MaxValue / pageSize);
    }
}
