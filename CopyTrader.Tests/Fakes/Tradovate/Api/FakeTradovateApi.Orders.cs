using System.Text.Json.Nodes;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using static CopyTrader.Tests.Fakes.Tradovate.Exchange.FakeTradovateWords;

namespace CopyTrader.Tests.Fakes.Tradovate.Api;

/// <summary>
/// Order endpoints (protocol file 1.9). Missing or mistyped required fields (accountId, action, symbol, orderQty,
/// orderType; orderId for modify/cancel) answer <c>{"violations":[...]}</c>; an unknown symbol answers failureReason
/// InvalidContract; an unknown accountId, orderId or contractId 404.
/// </summary>
internal sealed partial class FakeTradovateApi
{
    private static readonly HashSet<string> Actions = [Buy, Sell];

    private FakeApiAnswer PlaceOrder(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var ticket = ReadTicket(body);
        if (!body.Valid || ticket is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        CheckTicket(ticket, body, call, "placeorder");
        return Placed(exchange.PlaceViaApi(ticket));
    }

    private FakeApiAnswer PlaceOso(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var ticket = ReadTicket(body);
        var bracket1 = ReadBracket(body, "bracket1", required: true);
        var bracket2 = ReadBracket(body, "bracket2", required: false);
        if (!body.Valid || ticket is null || bracket1 is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        CheckTicket(ticket, body, call, "placeoso");
        return Placed(exchange.PlaceOsoViaApi(ticket, bracket1, bracket2));
    }

    private FakeApiAnswer PlaceOco(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var ticket = ReadTicket(body);
        var other = ReadBracket(body, "other", required: true);
        if (!body.Valid || ticket is null || other is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        CheckTicket(ticket, body, call, "placeoco");
        return Placed(exchange.PlaceOcoViaApi(ticket, other));
    }

    private FakeApiAnswer ModifyOrder(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var orderId = body.Id("orderId");
        var qty = body.Quantity("orderQty");
        var type = body.Word("orderType", OrderTypes);
        var ticket = new FakeModifyTicket(orderId ?? 0, qty ?? 0, type ?? "")
        {
            Price = body.Decimal("price"),
            StopPrice = body.Decimal("stopPrice"),
            TimeInForce = body.Text("timeInForce"),
            ClOrdId = body.Text("clOrdId"),
            Text = body.Text("text"),
            IsAutomated = body.Bool("isAutomated") ?? false,
        };
        if (!body.Valid)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        OwnedOrder(ticket.OrderId, call);
        CheckAutomated(ticket.IsAutomated, "modifyorder");
        return Commanded(exchange.ModifyViaApi(ticket), ticket.OrderId);
    }

    private FakeApiAnswer CancelOrder(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var orderId = body.Id("orderId");
        var meta = new FakeCommandMeta(body.Text("clOrdId"), body.Bool("isAutomated") ?? false, body.Text("customTag50"));
        if (!body.Valid || orderId is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        OwnedOrder(orderId.Value, call);
        CheckAutomated(meta.IsAutomated, "cancelorder");
        return Commanded(exchange.CancelViaApi(orderId.Value, meta), orderId.Value);
    }

    private FakeApiAnswer LiquidatePosition(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var accountId = body.Id("accountId");
        var contractId = body.Id("contractId");
        body.Bool("admin");
        var customTag50 = body.Text("customTag50");
        if (!body.Valid || accountId is null || contractId is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        Owned(accountId.Value, call);
        return Placed(exchange.LiquidateViaApi(accountId.Value, contractId.Value, customTag50));
    }

    private static FakeOrderTicket? ReadTicket(FakeApiBody body)
    {
        var accountId = body.Id("accountId");
        var action = body.Word("action", Actions);
        var symbol = body.Text("symbol", required: true);
        var qty = body.Quantity("orderQty");
        var type = body.Word("orderType", OrderTypes);
        var ticket = new FakeOrderTicket(accountId ?? 0, symbol ?? "", action ?? "", qty ?? 0, type ?? "")
        {
            Price = body.Decimal("price"),
            StopPrice = body.Decimal("stopPrice"),
            TimeInForce = body.Text("timeInForce"),
            ClOrdId = body.Text("clOrdId"),
            Text = body.Text("text"),
            IsAutomated = body.Bool("isAutomated") ?? false,
            CustomTag50 = body.Text("customTag50"),
            ActivationTime = body.Text("activationTime"),
        };
        return body.Valid ? ticket : null;
    }

    private static FakeBracket? ReadBracket(FakeApiBody body, string name, bool required)
    {
        var nested = body.Nested(name, required);
        if (nested is null)
        {
            return null;
        }

        var bracket = new FakeBracket(nested.Word("action", Actions) ?? "", nested.Word("orderType", OrderTypes) ?? "")
        {
            Price = nested.Decimal("price"),
            StopPrice = nested.Decimal("stopPrice"),
            TimeInForce = nested.Text("timeInForce"),
            ClOrdId = nested.Text("clOrdId"),
            Text = nested.Text("text"),
        };
        body.Absorb(nested, name);
        return nested.Valid ? bracket : null;
    }

    /// <summary>Ownership (401), and the tolerated mistakes recorded as violations.</summary>
    private void CheckTicket(FakeOrderTicket ticket, FakeApiBody body, FakeApiCall call, string endpoint)
    {
        var account = Owned(ticket.AccountId, call);
        if (body.Text("accountSpec") is { } spec && spec != account.Name)
        {
            Violate($"{endpoint} accountSpec {spec} does not name account {Text(account.Id)} ({account.Name})");
        }

        CheckAutomated(ticket.IsAutomated, endpoint);
    }

    private void CheckAutomated(bool isAutomated, string endpoint)
    {
        if (!isAutomated)
        {
            Violate($"{endpoint} without isAutomated:true");
        }
    }

    private void OwnedOrder(long orderId, FakeApiCall call) => Owned(exchange.Order(orderId).AccountId, call);

    private static FakeApiAnswer Placed(FakePlaceResult result)
    {
        if (!result.Succeeded)
        {
            return Failure(result.FailureReason!, result.FailureText!);
        }

        var json = new JsonObject { ["orderId"] = result.OrderId };
        if (result.Oso1Id is { } oso1)
        {
            json["oso1Id"] = oso1;
        }

        if (result.Oso2Id is { } oso2)
        {
            json["oso2Id"] = oso2;
        }

        if (result.OcoId is { } oco)
        {
            json["ocoId"] = oco;
        }

        return FakeApiAnswer.Ok(json.ToJsonString());
    }

    private static FakeApiAnswer Commanded(FakeCommandResult? result, long orderId) => result switch
    {
        null => FakeApiAnswer.Error(404, $"order {Text(orderId)} not found"),
        { Succeeded: false } => Failure(result.FailureReason!, result.FailureText!),
        _ => FakeApiAnswer.Ok(new JsonObject { ["commandId"] = result.CommandId }.ToJsonString()),
    };

    private static FakeApiAnswer Failure(string reason, string text) =>
        FakeApiAnswer.Ok(new JsonObject { ["failureReason"] = reason, ["failureText"] = text }.ToJsonString());
}
