using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Brokers;

/// <summary>
/// An order to send. <see cref="ClientOrderId"/> carries our CopyTag when the order is a copy. Orders sharing an
/// <see cref="OcoGroupId"/> form one one-cancels-other group at a broker with native OCO; a
/// <see cref="ParentOrderId"/> attaches the order as a bracket leg to a working entry.
/// </summary>
public sealed record OrderRequest(
    string AccountId,
    string Symbol,
    Side Side,
    int Quantity,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    string? ClientOrderId = null,
    TimeInForce TimeInForce = TimeInForce.Day,
    decimal? TrailAmount = null,
    string? OcoGroupId = null,
    string? ParentOrderId = null);

/// <summary>
/// The broker's answer to a request. A rejection is an answer (with the broker's reason), not an exception;
/// transport failures throw.
/// </summary>
public sealed record OrderResult(bool Accepted, string? BrokerOrderId, string? RejectReason)
{
    public static OrderResult Accept(string brokerOrderId) => new(true, brokerOrderId, null);

    public static OrderResult Reject(string reason) => new(false, null, reason);
}
