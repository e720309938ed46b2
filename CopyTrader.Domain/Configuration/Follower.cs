namespace CopyTrader.Domain.Configuration;

/// <summary>An account copying a <see cref="CopyGroup"/>'s leader, scaled by <see cref="Multiplier"/>.</summary>
public sealed class Follower
{
    private Follower() { }

    internal Follower(int accountId, decimal multiplier)
    {
        AccountId = accountId;
        SetMultiplier(multiplier);
        Enabled = true;
    }

    public int Id { get; private set; }
    public int CopyGroupId { get; private set; }
    public int AccountId { get; private set; }
    public decimal Multiplier { get; private set; }
    public bool Enabled { get; private set; }

    /// <summary>A multiplier must be positive: zero would silently copy nothing, so it is refused, not read as "unset".</summary>
    public void SetMultiplier(decimal multiplier)
    {
        if (multiplier <= 0m)
        {
            throw new CopyTraderDomainException($"A follower multiplier must be greater than zero (got {multiplier}).");
        }

        Multiplier = multiplier;
    }

    public void SetEnabled(bool enabled) => Enabled = enabled;
}
