using CopyTrader.Domain.Copying;
using MudBlazor;

namespace CopyTrader.Web.Components.Shared;

/// <summary>How a copy outcome is coloured wherever copies are listed.</summary>
public static class CopyOutcomeColor
{
    public static Color Of(CopyOutcome outcome) => outcome switch
    {
        CopyOutcome.Accepted => Color.Success,
        CopyOutcome.Skipped => Color.Default,
        CopyOutcome.DryRun => Color.Info,
        CopyOutcome.Rejected => Color.Warning,
        _ => Color.Error,
    };
}
