using CopyTrader.Infrastructure.Users;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>A copy group: its leader, switches, followers and its own contract mappings (global ones apply too).</summary>
public sealed record GroupDto(
    int Id, string Name, int LeaderAccountId, string LeaderName, bool AutoCopyEnabled, bool DryRun, bool AutoSync, bool MirrorWorkingOrders,
    IReadOnlyList<FollowerDto> Followers, IReadOnlyList<ContractMappingDto> ContractMaps)
{
    public static GroupDto Of(CopyGroupSnapshot g, UserScope scope) =>
        new(g.Id, g.Name, g.LeaderAccountId, scope.AccountName(g.LeaderAccountId), g.AutoCopyEnabled, g.DryRun, g.AutoSync, g.MirrorWorkingOrders,
            g.Followers.Select(f => FollowerDto.Of(g, f, scope)).ToList(),
            g.ContractMappings.Select(m => new ContractMappingDto(m.SourceRoot, m.TargetRoot, m.Ratio)).ToList());
}

/// <summary>Leader root → follower root with a quantity ratio: NQ → MNQ × 10.</summary>
public sealed record ContractMappingDto(string SourceRoot, string TargetRoot, decimal Ratio);

public sealed record CreateGroupRequest
{
    public required string Name { get; init; }
    public required int LeaderAccountId { get; init; }
    public required bool AutoCopyEnabled { get; init; }

    public FieldErrors Check(UserScope scope) => GroupFields.Check(Name, LeaderAccountId, scope);
}

/// <summary>
/// A group's name, leader and all four switches at once, as the group form saves them; the followers and maps stay.
/// Every field is required, so a rename never turns a switch off by leaving it out.
/// </summary>
public sealed record UpdateGroupRequest
{
    public required string Name { get; init; }
    public required int LeaderAccountId { get; init; }
    public required bool AutoCopyEnabled { get; init; }
    public required bool DryRun { get; init; }
    public required bool AutoSync { get; init; }
    public required bool MirrorWorkingOrders { get; init; }

    public FieldErrors Check(UserScope scope) => GroupFields.Check(Name, LeaderAccountId, scope);

    public GroupDraft ToDraft() => new(Name.Trim(), LeaderAccountId, new GroupOptions(AutoCopyEnabled, DryRun, AutoSync, MirrorWorkingOrders));
}

/// <summary>The checks of a group's own fields; a duplicate name or a leader that follows the group is the service's refusal (422).</summary>
internal static class GroupFields
{
    public static FieldErrors Check(string? name, int leaderAccountId, UserScope scope)
    {
        var errors = new FieldErrors();
        var trimmed = name?.Trim() ?? "";
        errors.AddIf(trimmed.Length == 0, "name", "Give the group a name.");
        errors.AddIf(trimmed.Length > CopyGroup.NameMaxLength, "name", $"A group name has at most {CopyGroup.NameMaxLength} characters (got {trimmed.Length}).");
        errors.AddIf(scope.Account(leaderAccountId) is null, "leaderAccountId", $"Trading account {leaderAccountId} does not exist.");
        return errors;
    }
}

/// <summary>Every switch is required: leaving one out never turns it off silently.</summary>
public sealed record GroupOptionsRequest
{
    public required bool AutoCopyEnabled { get; init; }
    public required bool DryRun { get; init; }
    public required bool AutoSync { get; init; }
    public required bool MirrorWorkingOrders { get; init; }
}
