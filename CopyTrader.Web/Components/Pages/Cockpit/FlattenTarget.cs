using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Users;

namespace CopyTrader.Web.Components.Pages.Cockpit;

public enum FlattenScope
{
    Account,
    Group,
    Everything,
}

/// <summary>What a flatten button closes, what its confirmation says, and the service call that does it.</summary>
public sealed record FlattenTarget(FlattenScope Scope, int Id, string Title, string Consequence)
{
    private const string WhatHappens = "working orders are cancelled and positions closed at market";

    public static readonly FlattenTarget Everything = new(FlattenScope.Everything, 0, "Flatten everything",
        $"Every leader and follower of every copy group: {WhatHappens}. The closes are not copied again.");

    /// <summary>A leader's liquidation is copied like any leader trade, so its followers close too; a follower closes alone.</summary>
    public static FlattenTarget Account(int accountId, string shownName, bool isLeader) =>
        new(FlattenScope.Account, accountId, $"Flatten {shownName}",
            isLeader
                ? $"{shownName}: {WhatHappens}. It leads a copy group, so the close is copied and its followers close too."
                : $"{shownName}: {WhatHappens}. Only this account; its leader keeps its positions.");

    /// <summary>"Everything" for a trader: every group they see, and nobody else's.</summary>
    public static FlattenTarget AllGroupsOf(IReadOnlyList<int> groupIds) =>
        new(FlattenScope.Everything, 0, "Flatten everything",
            $"Every leader and follower of your {groupIds.Count} copy group(s): {WhatHappens}. The closes are not copied again.")
        {
            OnlyGroups = groupIds,
        };

    /// <summary>For <see cref="FlattenScope.Everything"/>: only these groups; null for every group.</summary>
    public IReadOnlyList<int>? OnlyGroups { get; init; }

    public static FlattenTarget Group(int groupId, string groupName) =>
        new(FlattenScope.Group, groupId, $"Flatten group {groupName}",
            $"The leader and every follower of {groupName}: {WhatHappens}. The closes are not copied again.");

    /// <summary>A group as <paramref name="user"/> sees it: a trader never closes a follower on another user's account.</summary>
    public async Task<IReadOnlyList<FlattenResult>> RunAsync(IFlattenService flatten, UserScope user, CancellationToken ct) => Scope switch
    {
        FlattenScope.Account => [await flatten.FlattenAccountAsync(Id, ct)],
        FlattenScope.Group => await flatten.FlattenGroupAsync(user, Id, ct),
        _ when OnlyGroups is { } groups => (await Task.WhenAll(groups.Select(g => flatten.FlattenGroupAsync(user, g, ct)))).SelectMany(r => r).ToList(),
        _ => await flatten.FlattenAllAsync(ct),
    };
}
