using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>
/// The entities of one session, whole entities replaced by id (protocol file 1.7), with the joins an order needs:
/// its newest version, its commands' client order id, its fills, its reports and its one-cancels-other links.
/// Cleared by each session's first snapshot.
/// </summary>
internal sealed class TradovateSessionBook
{
    private readonly Dictionary<long, TradovateOrderVersionState> _versionByOrder = [];
    private readonly Dictionary<long, TradovateCommandState> _commands = [];
    private readonly Dictionary<long, HashSet<long>> _commandsByOrder = [];
    private readonly Dictionary<long, TradovateReportState> _reports = [];
    private readonly Dictionary<long, HashSet<long>> _reportsByCommand = [];
    private readonly Dictionary<long, HashSet<long>> _reportsByOrder = [];
    private readonly Dictionary<long, TradovateFillState> _fills = [];
    private readonly Dictionary<long, HashSet<long>> _fillsByOrder = [];
    private readonly Dictionary<long, HashSet<long>> _ocoLinks = [];

    public Dictionary<long, TradovateOrderEntity> Orders { get; } = [];

    public Dictionary<long, TradovatePositionState> Positions { get; } = [];

    public Dictionary<long, TradovateCashBalanceState> CashBalances { get; } = [];

    public void Clear()
    {
        Orders.Clear();
        Positions.Clear();
        CashBalances.Clear();
        _versionByOrder.Clear();
        _commands.Clear();
        _commandsByOrder.Clear();
        _reports.Clear();
        _reportsByCommand.Clear();
        _reportsByOrder.Clear();
        _fills.Clear();
        _fillsByOrder.Clear();
        _ocoLinks.Clear();
    }

    /// <summary>
    /// Stores the order, except that a final status (filled, canceled, rejected) is never replaced by a live one: with
    /// reordered events (protocol file 1.7, order [U]) an older update of the order can arrive after its final one.
    /// </summary>
    public void AddOrder(TradovateOrderEntity order)
    {
        if (Orders.TryGetValue(order.OrderId, out var known) && IsFinal(known.OrdStatus) && !IsFinal(order.OrdStatus))
        {
            return;
        }

        Orders[order.OrderId] = order;
        if (order.OcoId is { } ocoId && ocoId != order.OrderId)
        {
            Link(order.OrderId, ocoId);
            Link(ocoId, order.OrderId);
        }
    }

    /// <summary>Keeps the newest version of each order (the highest version id).</summary>
    public void AddVersion(TradovateOrderVersionState version)
    {
        if (!_versionByOrder.TryGetValue(version.OrderId, out var known) || known.VersionId <= version.VersionId)
        {
            _versionByOrder[version.OrderId] = version;
        }
    }

    public TradovateOrderVersionState? VersionOf(long orderId) => _versionByOrder.GetValueOrDefault(orderId);

    public void AddCommand(TradovateCommandState command)
    {
        _commands[command.CommandId] = command;
        Index(_commandsByOrder, command.OrderId, command.CommandId);
    }

    /// <summary>
    /// The <c>clOrdId</c> of the order's <c>New</c> command, else of its first command that has one (the rule the
    /// REST order join uses too), or null while none has arrived.
    /// </summary>
    public string? ClientOrderIdOf(long orderId) =>
        CommandsOf(orderId).Where(c => c.ClOrdId is not null).OrderBy(c => c.CommandType == "New" ? 0 : 1).FirstOrDefault()?.ClOrdId;

    /// <summary>Whether the order's <c>New</c> command (which carries our <c>clOrdId</c> when the order is ours) has arrived.</summary>
    public bool HasNewCommand(long orderId) => CommandsOf(orderId).Any(c => c.CommandType == "New");

    /// <summary>The order a report is about: named on an execution report, through its command on a command report.</summary>
    public long? OrderOfReport(TradovateReportState report) =>
        report.OrderId ?? (report.CommandId is { } commandId && _commands.TryGetValue(commandId, out var command) ? command.OrderId : null);

    public void AddReport(TradovateReportState report)
    {
        _reports[report.ReportId] = report;
        if (report.OrderId is { } orderId)
        {
            Index(_reportsByOrder, orderId, report.ReportId);
        }
        else if (report.CommandId is { } commandId)
        {
            Index(_reportsByCommand, commandId, report.ReportId);
        }
    }

    /// <summary>The broker's words from the newest report about the order that has any.</summary>
    public string? RejectWordsOf(long orderId) =>
        ReportsOf(orderId).Where(r => r.Words is not null).OrderBy(r => r.TimeUtc).ThenBy(r => r.ReportId).LastOrDefault()?.Words;

    public void AddFill(TradovateFillState fill)
    {
        if (_fills.TryGetValue(fill.FillId, out var known) && known.OrderId != fill.OrderId)
        {
            _fillsByOrder[known.OrderId].Remove(fill.FillId);
        }

        _fills[fill.FillId] = fill;
        Index(_fillsByOrder, fill.OrderId, fill.FillId);
    }

    public long? RemoveFill(long fillId)
    {
        if (!_fills.Remove(fillId, out var fill))
        {
            return null;
        }

        _fillsByOrder[fill.OrderId].Remove(fillId);
        return fill.OrderId;
    }

    /// <summary>The quantity of the order's active fills.</summary>
    public int FilledQuantity(long orderId) =>
        _fillsByOrder.TryGetValue(orderId, out var ids) ? ids.Select(id => _fills[id]).Where(f => f.Active).Sum(f => f.Quantity) : 0;

    /// <summary>The newest time anything about the order happened: the order, its commands, reports and fills.</summary>
    public DateTimeOffset LastActivityOf(TradovateOrderEntity order)
    {
        var times = CommandsOf(order.OrderId).Select(c => c.TimeUtc)
            .Concat(ReportsOf(order.OrderId).Select(r => r.TimeUtc))
            .Concat(_fillsByOrder.TryGetValue(order.OrderId, out var ids) ? ids.Select(id => _fills[id].TimeUtc) : []);
        return times.Aggregate(order.TimeUtc, (latest, time) => time > latest ? time : latest);
    }

    /// <summary>The one-cancels-other group: the smallest id among the orders linked through <c>ocoId</c>, or null.</summary>
    public long? OcoGroupOf(long orderId)
    {
        var component = OcoComponentOf(orderId);
        return component.Count > 1 ? component.Min() : null;
    }

    /// <summary>The order and every order linked to it through <c>ocoId</c>, directly or not.</summary>
    public IReadOnlyCollection<long> OcoComponentOf(long orderId)
    {
        var seen = new HashSet<long> { orderId };
        var next = new Queue<long>([orderId]);
        while (next.TryDequeue(out var id))
        {
            foreach (var linked in _ocoLinks.GetValueOrDefault(id) ?? [])
            {
                if (seen.Add(linked))
                {
                    next.Enqueue(linked);
                }
            }
        }

        return seen;
    }

    private static bool IsFinal(string ordStatus) => TradovateOrderMapper.StatusOf(ordStatus) is { } status && !status.IsOpen();

    private IEnumerable<TradovateCommandState> CommandsOf(long orderId) =>
        _commandsByOrder.TryGetValue(orderId, out var ids) ? ids.Order().Select(id => _commands[id]) : [];

    /// <summary>Execution reports name their order; command reports are found through the order's commands.</summary>
    private IEnumerable<TradovateReportState> ReportsOf(long orderId) =>
        Lookup(_reportsByOrder, orderId)
            .Concat(CommandsOf(orderId).SelectMany(c => Lookup(_reportsByCommand, c.CommandId)))
            .Select(id => _reports[id]);

    private static IEnumerable<long> Lookup(Dictionary<long, HashSet<long>> index, long key) =>
        index.TryGetValue(key, out var values) ? values : [];

    private void Link(long from, long to) => Index(_ocoLinks, from, to);

    private static void Index(Dictionary<long, HashSet<long>> index, long key, long value)
    {
        if (!index.TryGetValue(key, out var values))
        {
            values = [];
            index[key] = values;
        }

        values.Add(value);
    }
}
