using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    /// <summary>The last position shown per (account, contract): live updates come out only when it changed.</summary>
    private readonly Dictionary<(long Account, long Contract), BrokerPosition> _shownPositions = [];

    /// <summary>
    /// Shows a position of the scope, or puts it in line for its contract. <paramref name="awaitContract"/> (the
    /// first snapshot of a session) also holds the snapshot's completion until it is shown. Open and realized
    /// P&amp;L are not on the wire (protocol file 1.8) and come out as 0. Returns its (account, contract), or null.
    /// </summary>
    private (long, long)? OnPosition(JsonElement entity, bool isSnapshot, bool awaitContract)
    {
        if (Read(TradovateAccountStateMapper.ReadPosition(entity), entity) is not { } position || !InScope(position.AccountId))
        {
            return null;
        }

        if (isSnapshot && position.NetPos == 0 && _contracts.SymbolFor(position.ContractId) is null)
        {
            return (position.AccountId, position.ContractId); // flat and never shown: nothing to wait for
        }

        if (ShowPosition(position, isSnapshot, force: awaitContract) is { } waiting)
        {
            Pend(TradovatePendingKind.Position, position.PositionId, entity.Clone(), waiting, isSnapshot);
            if (awaitContract)
            {
                _awaitedPositions.Add(position.PositionId);
            }
        }

        return (position.AccountId, position.ContractId);
    }

    /// <summary>
    /// Null when shown (or not worth showing); otherwise what it waits for. History shows a flat position only when
    /// it was shown open before; <paramref name="force"/> (and a snapshot position that waited) shows it even when
    /// unchanged, because the hub restarts its positions from each snapshot.
    /// </summary>
    private Waiting? ShowPosition(TradovatePositionEntity entity, bool isSnapshot, bool force)
    {
        if (_contracts.SymbolFor(entity.ContractId) is not { } symbol)
        {
            return new Waiting(TradovateAccountStateMapper.UnknownContract(entity.PositionId, entity.ContractId), null, entity.ContractId);
        }

        var awaited = _awaitedPositions.Remove(entity.PositionId);
        var state = entity.WithSymbol(symbol);
        _book.Positions[state.PositionId] = state;
        var key = (state.AccountId, state.ContractId);
        if (_book.Positions.Values.Any(p => p.PositionId != state.PositionId && (p.AccountId, p.ContractId) == key && p.TimeUtc > state.TimeUtc))
        {
            return null; // an older trade date's entity of a position already shown newer
        }

        var e = state.ToEvent(openPnl: 0m, realizedPnl: 0m) with { IsSnapshot = isSnapshot };
        var shown = _shownPositions.GetValueOrDefault(key);
        var show = isSnapshot && e.Position.Quantity == 0
            ? shown is { Quantity: not 0 }
            : force || awaited || shown != e.Position;
        if (show)
        {
            _shownPositions[key] = e.Position;
            Emit(e);
        }

        return null;
    }

    private void ForgetPosition(JsonElement entity)
    {
        var fields = new TradovateEntityFields(entity, "position");
        var positionId = fields.Id("id");
        if (fields.Problem is { } problem)
        {
            Problem($"skipped: {problem}", entity);
            return;
        }

        _pending.Remove(TradovatePendingKind.Position, positionId);
        _awaitedPositions.Remove(positionId);
        if (!_book.Positions.Remove(positionId, out var position))
        {
            return;
        }

        var key = (position.AccountId, position.ContractId);
        if (_book.Positions.Values.Any(p => (p.AccountId, p.ContractId) == key)
            || _shownPositions.GetValueOrDefault(key) is not { Quantity: not 0 } shown)
        {
            return;
        }

        var flat = shown with { Quantity = 0, AveragePrice = 0m };
        _shownPositions[key] = flat;
        Emit(new PositionUpdateEvent(_clock.GetUtcNow(), TradovateFillMapper.Text(position.AccountId), flat));
    }

    private void OnCashBalance(JsonElement entity, bool isSnapshot)
    {
        if (Read(TradovateAccountStateMapper.CashBalance(entity), entity) is not { } balance || !InScope(balance.AccountId))
        {
            return;
        }

        _book.CashBalances[balance.CashBalanceId] = balance;
        Emit(balance.ToEvent(openPnl: 0m) with { IsSnapshot = isSnapshot });
    }
}
