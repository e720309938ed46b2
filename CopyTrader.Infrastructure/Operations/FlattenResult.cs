namespace CopyTrader.Infrastructure.Operations;

/// <summary>One action of a flatten (cancel an order, liquidate a position) and what the broker said.</summary>
public sealed record FlattenStep(string Action, bool Succeeded, string? Reason = null);

/// <summary>Everything a flatten did on one account; it succeeded only if every step did.</summary>
public sealed record FlattenResult(int AccountId, string AccountName, IReadOnlyList<FlattenStep> Steps)
{
    public bool Succeeded => Steps.All(s => s.Succeeded);

    /// <summary>The contracts whose position was liquidated.</summary>
    public IReadOnlyList<string> Liquidated { get; init; } = [];
}
