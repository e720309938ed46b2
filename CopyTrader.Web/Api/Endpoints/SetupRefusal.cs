using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

/// <summary>A change the setup service refused (a copy loop, a name taken, a duplicate map): 422 with its words, each reason under <c>reasons</c>.</summary>
internal static class SetupRefusal
{
    public static ProblemHttpResult Of(CopySetupResult result) =>
        ApiProblems.Refused(string.Join(" ", result.Errors), new Dictionary<string, object?> { ["reasons"] = result.Errors });
}
