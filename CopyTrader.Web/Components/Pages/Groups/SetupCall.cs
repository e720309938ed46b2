using CopyTrader.Infrastructure.CopySetup;

namespace CopyTrader.Web.Components.Pages.Groups;

/// <summary>Runs one setup change for a form: the service's refusals, or an unexpected error's own message, never silence.</summary>
public static class SetupCall
{
    public static async Task<CopySetupResult> RunAsync(Func<Task<CopySetupResult>> change)
    {
        try
        {
            return await change();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CopySetupResult.Refused(ex.GetBaseException().Message);
        }
    }
}
