using System.Security.Claims;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Web.Api.Contracts;
using CopyTrader.Web.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CopyTrader.Web.Api.Endpoints;

internal static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", List).WithName("ListAccounts").WithSummary("Trading accounts with connection state, balance and open positions.");
        accounts.MapGet("/{id:int}", Get).WithName("GetAccount").WithSummary("One trading account.").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<List<AccountDto>> List(ApiVisibility visibility, ClaimsPrincipal user, ILeaderMonitorHub hub) =>
        TypedResults.Ok(visibility.For(user).Accounts.OrderBy(a => a.Id).Select(a => AccountDto.Of(a, hub.AccountStateOf(a.Id))).ToList());

    private static Results<Ok<AccountDto>, ProblemHttpResult> Get(int id, ApiVisibility visibility, ClaimsPrincipal user, ILeaderMonitorHub hub) =>
        visibility.For(user).Account(id) is { } account
            ? TypedResults.Ok(AccountDto.Of(account, hub.AccountStateOf(id)))
            : ApiProblems.NotFound(NotFoundText.Account(id));
}
