using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>Orders over REST. A refusal (Tradovate's reason, a lock, a check) is a rejection; an unknown outcome throws.</summary>
internal sealed partial class TradovateConnector
{
    public async Task<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct)
    {
        var accountId = Served(request.AccountId);
        if (Unsupported(request) is { } refusal)
        {
            return OrderResult.Reject(refusal);
        }

        var clientOrderId = request.ClientOrderId ?? $"CT-{Guid.NewGuid():N}";
        var ticket = new TradovateOrderTicket(
            accountId, await AccountNameAsync(request.AccountId, ct), clientOrderId, request.Side, request.Symbol, request.Quantity,
            request.Type, request.LimitPrice, request.StopPrice, request.TimeInForce.ToTradovate());
        var placed = await InFlightAsync(() => _parts.Orders.PlaceOrderAsync(ticket, TradovateCall.Normal, ct), clientOrderId);
        return placed.IsSuccess ? OrderResult.Accept(Text(placed.Value.OrderId)) : Refused(placed.Error!);
    }

    public async Task<OrderResult> ModifyOrderAsync(
        string accountId, string brokerOrderId, int quantity, decimal? limitPrice, decimal? stopPrice, decimal? trailAmount, CancellationToken ct)
    {
        Served(accountId);
        if (trailAmount is not null)
        {
            return OrderResult.Reject("Trailing stops are not supported by the Tradovate connector yet.");
        }

        var order = await WorkingOrderAsync(accountId, brokerOrderId, ct);
        if (order is null)
        {
            return OrderResult.Reject($"Order {brokerOrderId} is not working at Tradovate on account {accountId}.");
        }

        var change = new TradovateOrderChange(Id(brokerOrderId), quantity, order.Type, limitPrice, stopPrice, order.TimeInForce.ToTradovate());
        var result = await _parts.Orders.ModifyOrderAsync(change, TradovateCall.Normal, ct);
        return result.IsSuccess ? OrderResult.Accept(brokerOrderId) : Refused(result.Error!);
    }

    public async Task<OrderResult> CancelOrderAsync(string accountId, string brokerOrderId, CancellationToken ct)
    {
        Served(accountId);
        var result = await _parts.Orders.CancelOrderAsync(Id(brokerOrderId), ct);
        return result.IsSuccess ? OrderResult.Accept(brokerOrderId) : Refused(result.Error!);
    }

    public async Task<OrderResult> LiquidateAsync(string accountId, string symbol, string? clientOrderId, CancellationToken ct)
    {
        var account = Served(accountId);
        var contract = await ContractIdAsync(symbol, ct);
        if (!contract.IsSuccess)
        {
            return Refused(contract.Error!);
        }

        // liquidateposition carries no clOrdId of its own: ours is known from the answer only
        var result = await InFlightAsync(() => _parts.Orders.LiquidatePositionAsync(account, contract.Value, ct), clientOrderId);
        return result.IsSuccess ? OrderResult.Accept(Text(result.Value.OrderId)) : Refused(result.Error!);
    }

    /// <summary>
    /// Runs a placement while the user state holds live fills that may be its own (they lack a client order id until the
    /// order's New command or this answer arrives); then records the order's client order id and releases those fills.
    /// </summary>
    private async Task<TradovateResult<TradovatePlacedOrder>> InFlightAsync(Func<Task<TradovateResult<TradovatePlacedOrder>>> place, string? clientOrderId)
    {
        lock (_stateGate)
        {
            _placementsInFlight++;
        }

        TradovateResult<TradovatePlacedOrder>? placed = null;
        try
        {
            placed = await place();
            return placed;
        }
        finally
        {
            lock (_stateGate)
            {
                if (placed is { IsSuccess: true } && clientOrderId is not null)
                {
                    _placedClientOrderIds[placed.Value.OrderId] = clientOrderId;
                }

                _placementsInFlight--;
                Publish(_state.RetryWaiting());
            }
        }
    }

    /// <summary>What this connector cannot send as asked; the copier then shows the reason instead of guessing.</summary>
    private string? Unsupported(OrderRequest request)
    {
        if (request.Type == OrderType.TrailingStop || request.TrailAmount is not null)
        {
            return "Trailing stops are not supported by the Tradovate connector yet.";
        }

        if (request.OcoGroupId is not null)
        {
            return "Tradovate groups orders as OCO only when they are placed together; this connector does not place separate orders as an OCO group.";
        }

        if (request.ParentOrderId is { } parent)
        {
            BrokerOrder? entry;
            lock (_stateGate)
            {
                entry = _state.Order(parent);
            }

            if (entry is not { Status: OrderStatus.Filled })
            {
                return $"Tradovate attaches bracket legs only when the entry is placed; entry {parent} is {entry?.Status.ToString() ?? "unknown"}, so the leg is not placed.";
            }
        }

        return null;
    }

    private OrderResult Refused(TradovateError error)
    {
        ShowNotice();
        return error.OutcomeUnknown ? throw new TradovateRestException(error) : OrderResult.Reject(error.Message);
    }

    private async Task<TradovateResult<long>> ContractIdAsync(string symbol, CancellationToken ct)
    {
        lock (_stateGate)
        {
            if (_state.ContractIdFor(symbol) is { } known)
            {
                return TradovateResult<long>.Ok(known);
            }
        }

        var found = await _parts.Contracts.FindContractAsync(symbol, ct);
        return found.IsSuccess ? TradovateResult<long>.Ok(found.Value.Id) : TradovateResult<long>.Fail(found.Error!);
    }

    private static long Id(string brokerOrderId) =>
        long.TryParse(brokerOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{brokerOrderId}' is not a Tradovate order id.", nameof(brokerOrderId));

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
