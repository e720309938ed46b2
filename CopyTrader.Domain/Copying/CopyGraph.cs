namespace CopyTrader.Domain.Copying;

/// <summary>
/// Who copies whom across all groups: an edge leader → follower per follower. A path that comes back to
/// where it started is a copy loop (A copies B copies A), which configuration must refuse.
/// </summary>
public static class CopyGraph
{
    /// <summary>The accounts of one loop in order (first repeated at the end), or null when there is none.</summary>
    public static IReadOnlyList<int>? FindCycle(IEnumerable<(int Leader, int Follower)> edges)
    {
        var next = edges.GroupBy(e => e.Leader).ToDictionary(g => g.Key, g => g.Select(e => e.Follower).Distinct().ToList());
        var done = new HashSet<int>();
        foreach (var start in next.Keys)
        {
            var path = new List<int>();
            if (Visit(start, next, done, path, []) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static IReadOnlyList<int>? Visit(int account, Dictionary<int, List<int>> next, HashSet<int> done, List<int> path, HashSet<int> onPath)
    {
        if (onPath.Contains(account))
        {
            return [.. path.SkipWhile(a => a != account), account];
        }

        if (!done.Add(account))
        {
            return null;
        }

        path.Add(account);
        onPath.Add(account);
        foreach (var follower in next.GetValueOrDefault(account) ?? [])
        {
            if (Visit(follower, next, done, path, onPath) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        onPath.Remove(account);
        return null;
    }
}
