using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// The order endpoints of protocol file 1.9 [C] over a login's <see cref="TradovateRestClient"/>. A rejection is a
/// failed result with <see cref="TradovateError.FailureReason"/>/<see cref="TradovateError.FailureText"/>. Placements are
/// idempotent on the clOrdId: when one gets no answer, the order is looked up by its clOrdId and only resent (once) when
/// it is not there. Cancels and liquidations always go as <see cref="TradovateRequestPriority.Urgent"/>.
/// </summary>
public sealed class TradovateOrderClient(TradovateRestClient rest)
{
    public Task<TradovateResult<TradovatePlacedOrder>> PlaceOrderAsync(TradovateOrderTicket ticket, TradovateCall? call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return PlaceAsync(
            "order/placeorder", ticket, TradovateOrderChecks.Problem(ticket), TradovateOrderBodies.Place(ticket), [], call, ct,
            (body, path) => ReadOrderId(body, path).Then(id => Ok(new TradovatePlacedOrder(id))),
            (found, id) => new TradovatePlacedOrder(id, Recovered: true));
    }

    public Task<TradovateResult<TradovatePlacedOso>> PlaceOsoAsync(
        TradovateOrderTicket ticket, TradovateBracket bracket1, TradovateBracket? bracket2, TradovateCall? call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(bracket1);
        var problem = TradovateOrderChecks.Problem(ticket) ?? TradovateOrderChecks.Problem(bracket1, "bracket1")
            ?? (bracket2 is null ? null : TradovateOrderChecks.Problem(bracket2, "bracket2"));
        string[] legs = [.. new[] { bracket1.ClOrdId, bracket2?.ClOrdId }.OfType<string>()];
        return PlaceAsync(
            "order/placeoso", ticket, problem, TradovateOrderBodies.PlaceOso(ticket, bracket1, bracket2), legs, call, ct,
            (body, path) => ReadOrderId(body, path).Then(id => Ok(new TradovatePlacedOso(
                id, TradovateJsonRead.OptionalId(body, "oso1Id"), TradovateJsonRead.OptionalId(body, "oso2Id")))),
            (found, id) => new TradovatePlacedOso(id, Leg(found, bracket1.ClOrdId), Leg(found, bracket2?.ClOrdId), Recovered: true));
    }

    public Task<TradovateResult<TradovatePlacedOco>> PlaceOcoAsync(
        TradovateOrderTicket ticket, TradovateBracket other, TradovateCall? call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(other);
        var problem = TradovateOrderChecks.Problem(ticket) ?? TradovateOrderChecks.Problem(other, "other");
        return PlaceAsync(
            "order/placeoco", ticket, problem, TradovateOrderBodies.PlaceOco(ticket, other), [], call, ct,
            (body, path) => ReadOrderId(body, path).Then(id => Ok(new TradovatePlacedOco(id, TradovateJsonRead.OptionalId(body, "ocoId")))),
            (found, id) => new TradovatePlacedOco(id, OcoId: null, Recovered: true));
    }

    public async Task<TradovateResult<TradovateCommandAccepted>> ModifyOrderAsync(TradovateOrderChange change, TradovateCall? call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        const string path = "order/modifyorder";
        if (TradovateOrderChecks.Problem(change) is { } problem)
        {
            return Invalid<TradovateCommandAccepted>(path, problem);
        }

        var answer = await rest.SendAsync((call ?? TradovateCall.Normal).Apply(TradovateRestRequest.Post(path, TradovateOrderBodies.Modify(change))), ct);
        return answer.Then(body => ReadCommand(body, path));
    }

    /// <summary>Always <see cref="TradovateRequestPriority.Urgent"/>; <paramref name="timeout"/> overrides the configured one.</summary>
    public async Task<TradovateResult<TradovateCommandAccepted>> CancelOrderAsync(long orderId, CancellationToken ct, TimeSpan? timeout = null)
    {
        const string path = "order/cancelorder";
        if (orderId <= 0)
        {
            return Invalid<TradovateCommandAccepted>(path, "orderId must be a positive id");
        }

        var answer = await rest.SendAsync(new TradovateCall(TradovateRequestPriority.Urgent, timeout).Apply(
            TradovateRestRequest.Post(path, TradovateOrderBodies.Cancel(orderId))), ct);
        return answer.Then(body => ReadCommand(body, path));
    }

    /// <summary>Closes the account's position in the contract at market; always <see cref="TradovateRequestPriority.Urgent"/>, never resent.</summary>
    public async Task<TradovateResult<TradovatePlacedOrder>> LiquidatePositionAsync(long accountId, long contractId, CancellationToken ct, TimeSpan? timeout = null)
    {
        const string path = "order/liquidateposition";
        if (accountId <= 0 || contractId <= 0)
        {
            return Invalid<TradovatePlacedOrder>(path, "accountId and contractId must be positive ids");
        }

        var answer = await rest.SendAsync(new TradovateCall(TradovateRequestPriority.Urgent, timeout).Apply(
            TradovateRestRequest.Post(path, TradovateOrderBodies.Liquidate(accountId, contractId))), ct);
        return answer.Then(body => ReadOrderId(body, path).Then(id => Ok(new TradovatePlacedOrder(id))));
    }

    private async Task<TradovateResult<T>> PlaceAsync<T>(
        string path,
        TradovateOrderTicket ticket,
        string? problem,
        TradovateJsonBody body,
        string[] legClOrdIds,
        TradovateCall? call,
        CancellationToken ct,
        Func<JsonElement, string, TradovateResult<T>> readAccepted,
        Func<IReadOnlyDictionary<string, long>, long, T> recovered)
    {
        if (problem is not null)
        {
            return Invalid<T>(path, problem);
        }

        call ??= TradovateCall.Normal;
        var request = call.Apply(TradovateRestRequest.Post(path, body));
        var first = await rest.SendAsync(request, ct);
        if (first.IsSuccess || !first.Error.OutcomeUnknown)
        {
            return first.Then(answer => readAccepted(answer, path));
        }

        var lookup = await TradovatePlacementRecovery.FindAsync(rest, [ticket.ClOrdId, .. legClOrdIds], call, ct);
        if (!lookup.IsSuccess)
        {
            return Unknown<T>(first.Error,
                $"{first.Error.Message}; looking clOrdId {ticket.ClOrdId} up in {TradovatePlacementRecovery.Path} failed too ({lookup.Error.Message}), so it was not resent");
        }

        if (lookup.Value.TryGetValue(ticket.ClOrdId, out var orderId))
        {
            return Ok(recovered(lookup.Value, orderId));
        }

        var second = await rest.SendAsync(request, ct);
        return second.IsSuccess || !second.Error.OutcomeUnknown
            ? second.Then(answer => readAccepted(answer, path))
            : Unknown<T>(second.Error,
                $"no answer to the placement, no order with clOrdId {ticket.ClOrdId} found, resent once and again no answer ({second.Error.Message}); not sent again");
    }

    private static long? Leg(IReadOnlyDictionary<string, long> found, string? clOrdId) =>
        clOrdId is not null && found.TryGetValue(clOrdId, out var id) ? id : null;

    private static TradovateResult<long> ReadOrderId(JsonElement body, string path) =>
        TradovateJsonRead.OptionalId(body, "orderId") is { } id
            ? TradovateResult<long>.Ok(id)
            : TradovateJsonRead.Malformed<long>(path, "answered without orderId, failureReason or errorText", body);

    private static TradovateResult<TradovateCommandAccepted> ReadCommand(JsonElement body, string path) =>
        TradovateJsonRead.OptionalId(body, "commandId") is { } id
            ? Ok(new TradovateCommandAccepted(id))
            : TradovateJsonRead.Malformed<TradovateCommandAccepted>(path, "answered without commandId, failureReason or errorText", body);

    private static TradovateResult<T> Ok<T>(T value) => TradovateResult<T>.Ok(value);

    private static TradovateResult<T> Invalid<T>(string path, string problem) =>
        TradovateResult<T>.Fail(new TradovateError(TradovateErrorKind.InvalidRequest, path, $"not sent: {problem}"));

    private static TradovateResult<T> Unknown<T>(TradovateError error, string message) =>
        TradovateResult<T>.Fail(error with { Message = message });
}
