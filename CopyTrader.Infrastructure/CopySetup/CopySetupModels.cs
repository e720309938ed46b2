using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Infrastructure.CopySetup;

/// <summary>A change done (with the id of what it created or changed) or refused (with every reason).</summary>
public sealed record CopySetupResult(int? Id, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CopySetupResult Done(int id) => new(id, []);

    public static CopySetupResult Refused(params IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>What the group form saves: its name, its leader and its switches.</summary>
public sealed record GroupDraft(string Name, int LeaderAccountId, GroupOptions Options);

/// <summary>What the follower form saves: on/off, the sizing rule and the (not yet enforced) risk limits.</summary>
public sealed record FollowerSettings(bool Enabled, FollowerRule Rule, FollowerRiskLimits RiskLimits);

public sealed record CopyGroupView(
    int Id,
    string Name,
    int LeaderAccountId,
    string LeaderName,
    GroupOptions Options,
    IReadOnlyList<FollowerView> Followers,
    IReadOnlyList<ContractMapView> ContractMaps);

public sealed record FollowerView(int Id, int AccountId, string AccountName, bool Enabled, FollowerRule Rule, FollowerRiskLimits RiskLimits)
{
    public FollowerSettings Settings => new(Enabled, Rule, RiskLimits);
}

/// <summary>A stored mapping; <see cref="GroupId"/> is null for a global one.</summary>
public sealed record ContractMapView(int Id, int? GroupId, ContractMapping Mapping);

public sealed record AccountOption(int Id, string DisplayName, string ExternalId, string ConnectionName);
