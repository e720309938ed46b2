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
        var placed = await _parts.Orders.PlaceOrderAsync(ticket, TradovateCall.Normal, ct);
        if (!placed.IsSuccess)
        {
            return Refused(placed.Error!);
        }

        lock (_stateGate)
        {
            _placedClientOrderIds[placed.Value.OrderId] = clientOrderId;
        }

        return OrderResult.Accept(Text(placed.Value.OrderId));
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

        var result = await _parts.Orders.LiquidatePositionAsync(account, contract.Value, ct);
        if (!result.IsSuccess)
        {
            return Refused(result.Error!);
        }

        if (clientOrderId is not null)
        {
            lock (_stateGate)
            {
                _placedClientOrderIds[result.Value.OrderId] = clientOrderId; // liquidateposition carries no clOrdId of its own
            }
        }

        return OrderResult.Accept(Text(result.Value.OrderId));
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
