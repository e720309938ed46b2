namespace CopyTrader.Domain.Copying;

/// <summary>What an order does to a follower's net position (the seed's position-sync scenarios).</summary>
public enum PositionChange
{
    None,
    Entry,
    Add,
    Trim,
    Reversal,
    Close,
}

public static class PositionChanges
{
    public static PositionChange Classify(int current, int target)
    {
        if (current == target)
        {
            return PositionChange.None;
        }

        if (target == 0)
        {
            return PositionChange.Close;
        }

        if (current == 0)
        {
            return PositionChange.Entry;
        }

        if (Math.Sign(current) != Math.Sign(target))
        {
            return PositionChange.Reversal;
        }

        return Math.Abs(target) > Math.Abs(current) ? PositionChange.Add : PositionChange.Trim;
    }
}
