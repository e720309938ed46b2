using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// A trading account with what its broker last reported: connection state, balance and open positions. Balance
/// is null until the broker has sent one; positions list only contracts with a non-zero quantity.
/// </summary>
public sealed record AccountDto(
    int Id, int ConnectionId, string ExternalId, string DisplayName, LiveStateDto Live, BalanceDto? Balance, IReadOnlyList<PositionDto> Positions)
{
    public static AccountDto Of(AccountSnapshot account, AccountState? state) =>
        new(account.Id, account.ConnectionId, account.ExternalId, account.DisplayName, LiveStateDto.Of(state),
            state?.Balance is { } b ? new BalanceDto(b.CashBalance, b.RealizedPnl, b.OpenPnl, b.NetLiquidation) : null,
            state?.Positions.Values.Where(p => p.Quantity != 0).OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(PositionDto.Of).ToList() ?? []);
}

public sealed record BalanceDto(decimal CashBalance, decimal RealizedPnl, decimal OpenPnl, decimal NetLiquidation);

/// <summary>Quantity is signed: positive long, negative short.</summary>
public sealed record PositionDto(string Symbol, int Quantity, decimal AveragePrice, decimal OpenPnl, decimal RealizedPnl)
{
    public static PositionDto Of(BrokerPosition p) => new(p.Symbol, p.Quantity, p.AveragePrice, p.OpenPnl, p.RealizedPnl);
}
