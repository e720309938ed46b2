using CopyTrader.Infrastructure.Users;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

public sealed record FollowerDto(int Id, int GroupId, int AccountId, string AccountName, bool Enabled, bool ReceivesWebhookOrders, FollowerRuleDto Rule)
{
    public static FollowerDto Of(CopyGroupSnapshot group, FollowerSnapshot f, UserScope scope) =>
        new(f.Id, group.Id, f.AccountId, scope.AccountName(f.AccountId), f.Enabled, f.ReceivesWebhookOrders, FollowerRuleDto.Of(f.Rule));
}

public sealed record AddFollowerRequest
{
    public required int AccountId { get; init; }

    /// <summary>Left out: ×1, copy stop-loss and take-profit, no cap (the defaults of a new follower).</summary>
    public FollowerRuleDto? Rule { get; init; }

    public FieldErrors Check(UserScope scope)
    {
        var errors = new FieldErrors().AddIf(scope.Account(AccountId) is null, "accountId", $"Trading account {AccountId} does not exist.");
        Rule?.Check(errors, "rule.");
        return errors;
    }
}

public sealed record MultiplierRequest
{
    public required decimal Multiplier { get; init; }

    public FieldErrors Check() => new FieldErrors().AddIf(Multiplier <= 0m, "multiplier", $"The multiplier must be greater than zero (got {Multiplier}).");
}

public sealed record EnabledRequest
{
    public required bool Enabled { get; init; }
}

/// <summary>A follower's multiplier for one leader root, winning over its base multiplier.</summary>
public sealed record SymbolMultiplierDto(string Root, decimal Multiplier);
