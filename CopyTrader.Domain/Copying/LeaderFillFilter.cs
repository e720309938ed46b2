namespace CopyTrader.Domain.Copying;

/// <summary>What happens to a fill seen on a leader account.</summary>
public enum LeaderFillVerdict
{
    /// <summary>A live, first-seen fill of the leader's own trading: copy it.</summary>
    Copy,

    /// <summary>Part of the initial sync or a snapshot: state, never copied.</summary>
    History,

    /// <summary>Already processed (a resend, or the session-end replay): ignored.</summary>
    Duplicate,

    /// <summary>A fill of one of our own copy orders (CopyTag): counted in the position, never copied back.</summary>
    OwnCopy,
}

/// <summary>The hub's filter for leader fills, in the order the checks apply.</summary>
public static class LeaderFillFilter
{
    public static LeaderFillVerdict Classify(bool isHistory, bool firstTimeSeen, bool isOwnCopy) =>
        isHistory ? LeaderFillVerdict.History
        : !firstTimeSeen ? LeaderFillVerdict.Duplicate
        : isOwnCopy ? LeaderFillVerdict.OwnCopy
        : LeaderFillVerdict.Copy;

    /// <summary>Live, first-seen fills move the leader's net position; history and duplicates do not.</summary>
    public static bool MovesPosition(this LeaderFillVerdict verdict) => verdict is LeaderFillVerdict.Copy or LeaderFillVerdict.OwnCopy;
}
