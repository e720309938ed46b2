using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// After a placement got no answer: looks the clOrdIds up in <c>GET command/list</c> (protocol file 1.3, 1.8: a Command
/// carries <c>orderId</c> and <c>clOrdId</c>) [C]. One request however many orders the accounts have; the orderId of a
/// <c>New</c> command wins over a later Modify/Cancel carrying the same clOrdId.
/// </summary>
internal static class TradovatePlacementRecovery
{
    public const string Path = "command/list";

    /// <summary>The order id of each wanted clOrdId found (absent ids are not in the map), or why the list could not be read.</summary>
    public static async Task<TradovateResult<IReadOnlyDictionary<string, long>>> FindAsync(
        TradovateRestClient rest, IReadOnlyCollection<string> clOrdIds, TradovateCall call, CancellationToken ct)
    {
        var answer = await rest.SendAsync(call.Apply(TradovateRestRequest.Get(Path)), ct);
        return answer.Then(body => TradovateJsonRead.Array(Path, body, ReadCommand))
            .Then(commands => TradovateResult<IReadOnlyDictionary<string, long>>.Ok(Match(commands, clOrdIds)));
    }

    private static Dictionary<string, long> Match(IReadOnlyList<CommandRow> commands, IReadOnlyCollection<string> clOrdIds)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var command in commands.Where(c => c.ClOrdId is not null && clOrdIds.Contains(c.ClOrdId)).OrderBy(c => c.IsNew ? 0 : 1))
        {
            found.TryAdd(command.ClOrdId!, command.OrderId);
        }

        return found;
    }

    private static (CommandRow? Value, string? Problem) ReadCommand(JsonElement command)
    {
        var fields = new TradovateEntityFields(command, "command");
        var orderId = fields.Id("orderId");
        return fields.Problem is { } problem
            ? (null, problem)
            : (new CommandRow(orderId, TradovateJsonRead.OptionalString(command, "clOrdId"), TradovateJsonRead.OptionalString(command, "commandType") == "New"), null);
    }

    private sealed record CommandRow(long OrderId, string? ClOrdId, bool IsNew);
}
