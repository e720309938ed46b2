using CopyTrader.Infrastructure.Operations;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>What a flatten did on each account; it succeeded only if every step on every account did.</summary>
public sealed record FlattenResponse(bool Succeeded, IReadOnlyList<FlattenAccountDto> Accounts)
{
    public static FlattenResponse Of(IEnumerable<FlattenResult> results)
    {
        var accounts = results.Select(FlattenAccountDto.Of).ToList();
        return new FlattenResponse(accounts.All(a => a.Succeeded), accounts);
    }
}

public sealed record FlattenAccountDto(int AccountId, string AccountName, bool Succeeded, IReadOnlyList<FlattenStepDto> Steps, IReadOnlyList<string> Liquidated)
{
    public static FlattenAccountDto Of(FlattenResult r) =>
        new(r.AccountId, r.AccountName, r.Succeeded, r.Steps.Select(s => new FlattenStepDto(s.Action, s.Succeeded, s.Reason)).ToList(), r.Liquidated);
}

/// <summary>One action (cancel an order, liquidate a position) and, when it failed, the broker's reason.</summary>
public sealed record FlattenStepDto(string Action, bool Succeeded, string? Reason);
