using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;

namespace CopyTrader.Web.Components.Pages.Groups;

/// <summary>What the group form binds to; a new group starts with auto-copy off, so nothing copies before it is checked.</summary>
public sealed class GroupFormModel
{
    public string Name { get; set; } = "";
    public int? LeaderAccountId { get; set; }
    public bool AutoCopyEnabled { get; set; }
    public bool DryRun { get; set; }
    public bool AutoSync { get; set; }
    public bool MirrorWorkingOrders { get; set; }

    public static GroupFormModel From(CopyGroupView group) => new()
    {
        Name = group.Name,
        LeaderAccountId = group.LeaderAccountId,
        AutoCopyEnabled = group.Options.AutoCopyEnabled,
        DryRun = group.Options.DryRun,
        AutoSync = group.Options.AutoSync,
        MirrorWorkingOrders = group.Options.MirrorWorkingOrders,
    };

    public GroupDraft ToDraft() =>
        new(Name.Trim(), LeaderAccountId ?? 0, new GroupOptions(AutoCopyEnabled, DryRun, AutoSync, MirrorWorkingOrders));
}
