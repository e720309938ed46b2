using System.Text.Json;
using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// A <c>position</c> entity (protocol file 1.8: <c>netPos</c> signed, <c>netPrice</c> absent when flat). The wire
/// carries no P&amp;L for a position, so <see cref="ToEvent"/> takes it from the caller.
/// </summary>
public sealed record TradovatePositionState(
    long PositionId, long AccountId, long ContractId, string Symbol, DateTimeOffset TimeUtc, int NetPos, decimal? NetPrice)
{
    public PositionUpdateEvent ToEvent(decimal openPnl, decimal realizedPnl) => new(
        TimeUtc, TradovateFillMapper.Text(AccountId), new BrokerPosition(Symbol, NetPos, NetPrice ?? 0m, openPnl, realizedPnl));
}

/// <summary>A <c>position</c> entity's own fields, before its contract's symbol is looked up.</summary>
public sealed record TradovatePositionEntity(
    long PositionId, long AccountId, long ContractId, DateTimeOffset TimeUtc, int NetPos, decimal? NetPrice)
{
    public TradovatePositionState WithSymbol(string symbol) => new(PositionId, AccountId, ContractId, symbol, TimeUtc, NetPos, NetPrice);
}

/// <summary>A <c>cashBalance</c> entity (<c>amount</c>, optional <c>realizedPnL</c>); open P&amp;L is not on it.</summary>
public sealed record TradovateCashBalanceState(
    long CashBalanceId, long AccountId, long CurrencyId, DateTimeOffset TimeUtc, decimal Amount, decimal? RealizedPnl)
{
    /// <summary>An absent <c>realizedPnL</c> counts as nothing realised in the session.</summary>
    public BalanceUpdateEvent ToEvent(decimal openPnl) => new(
        TimeUtc, TradovateFillMapper.Text(AccountId), new AccountBalance(Amount, RealizedPnl ?? 0m, openPnl));
}

public static class TradovateAccountStateMapper
{
    public static TradovateWireResult<TradovatePositionState> Position(JsonElement position, Func<long, string?> symbolForContract)
    {
        ArgumentNullException.ThrowIfNull(symbolForContract);
        var read = ReadPosition(position);
        if (read.Value is not { } p)
        {
            return TradovateWireResult<TradovatePositionState>.Malformed(read.Reason!);
        }

        return symbolForContract(p.ContractId) is { Length: > 0 } symbol
            ? TradovateWireResult<TradovatePositionState>.Ok(p.WithSymbol(symbol))
            : TradovateWireResult<TradovatePositionState>.Unresolved(UnknownContract(p.PositionId, p.ContractId));
    }

    /// <summary>Reads and checks the position's own fields, without any lookup.</summary>
    public static TradovateWireResult<TradovatePositionEntity> ReadPosition(JsonElement position)
    {
        var fields = new TradovateEntityFields(position, "position");
        var id = fields.Id("id");
        var accountId = fields.Id("accountId");
        var contractId = fields.Id("contractId");
        var time = fields.Timestamp("timestamp");
        var netPos = fields.WholeNumber("netPos");
        var netPrice = fields.OptionalDecimal("netPrice");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovatePositionEntity>.Malformed(problem)
            : TradovateWireResult<TradovatePositionEntity>.Ok(new(id, accountId, contractId, time, netPos, netPrice));
    }

    internal static string UnknownContract(long positionId, long contractId) =>
        $"position {positionId} is for contract {contractId}, whose symbol is not known";

    public static TradovateWireResult<TradovateCashBalanceState> CashBalance(JsonElement cashBalance)
    {
        var fields = new TradovateEntityFields(cashBalance, "cashBalance");
        var id = fields.Id("id");
        var accountId = fields.Id("accountId");
        var currencyId = fields.Id("currencyId");
        var time = fields.Timestamp("timestamp");
        var amount = fields.Decimal("amount");
        var realized = fields.OptionalDecimal("realizedPnL");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovateCashBalanceState>.Malformed(problem)
            : TradovateWireResult<TradovateCashBalanceState>.Ok(new(id, accountId, currencyId, time, amount, realized));
    }
}
