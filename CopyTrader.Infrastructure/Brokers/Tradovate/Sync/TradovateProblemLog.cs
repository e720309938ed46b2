namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>The newest <c>capacity</c> problems, oldest first, and a count of every problem ever recorded.</summary>
internal sealed class TradovateProblemLog(int capacity)
{
    private readonly Queue<TradovateStateProblem> _recent = new();

    public long Count { get; private set; }

    public IReadOnlyList<TradovateStateProblem> Recent => [.. _recent];

    public void Add(TradovateStateProblem problem)
    {
        Count++;
        _recent.Enqueue(problem);
        if (_recent.Count > capacity)
        {
            _recent.Dequeue();
        }
    }
}
