using System.Globalization;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate.Api;

/// <summary>
/// The trading REST API of protocol file 1.3 and 1.9 over the exchange, shared by HTTP and the socket. Business
/// errors are 200 (failureReason/failureText, violations); unknown ids and endpoints 404; an account of another
/// user 401; a body that is not a JSON object 400. Client mistakes that the wire tolerates (no isAutomated:true,
/// an accountSpec naming another account) are answered normally and recorded in <see cref="Violations"/>.
/// </summary>
internal sealed partial class FakeTradovateApi(FakeTradovateExchange exchange)
{
    private readonly Lock _gate = new();
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return _violations.ToArray();
            }
        }
    }

    public FakeApiAnswer Answer(FakeApiCall call)
    {
        var parts = call.Endpoint.Split('/');
        if (parts.Length != 2)
        {
            return FakeApiAnswer.Error(404, $"Unknown endpoint {call.Endpoint}");
        }

        try
        {
            return (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant()) switch
            {
                ("order", "placeorder") => PlaceOrder(call),
                ("order", "placeoso") => PlaceOso(call),
                ("order", "placeoco") => PlaceOco(call),
                ("order", "modifyorder") => ModifyOrder(call),
                ("order", "cancelorder") => CancelOrder(call),
                ("order", "liquidateposition") => LiquidatePosition(call),
                ("cashbalance", "getcashbalancesnapshot") => CashBalanceSnapshot(call),
                _ => ReadEntities(parts[0], parts[1].ToLowerInvariant(), call),
            };
        }
        catch (FakeApiException ex)
        {
            return FakeApiAnswer.Error(ex.Status, ex.Message);
        }
        catch (FakeTradovateNotFoundException ex)
        {
            return FakeApiAnswer.Error(404, ex.Message);
        }
    }

    /// <summary>The account, if the caller may trade it: unknown → 404, another user's → 401.</summary>
    private FakeAccount Owned(long accountId, FakeApiCall call)
    {
        var account = exchange.Account(accountId);
        return call.Grant.Sees(account.UserId) ? account : throw new FakeApiException(401, "Access is denied");
    }

    private void Violate(string text)
    {
        lock (_gate)
        {
            _violations.Add(text);
        }
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
