using System.Globalization;
using static CopyTrader.Tests.Fakes.Tradovate.Exchange.FakeTradovateWords;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// The entity sequences of one order (protocol file 1.7, order not documented [U]): New = order Created
/// (PendingNew), command Created, orderVersion Created, commandReport RiskPassed, executionReport New, order
/// Working. Modify = command, order PendingReplace, orderVersion, commandReport, executionReport Replaced, order
/// Working. Cancel = command, order PendingCancel, commandReport, executionReport Canceled, order Canceled.
/// </summary>
public sealed partial class FakeTradovateExchange
{
    private FakeWorkingOrder CreateOrder(
        long orderId, long accountId, long contractId, string action, int qty, FakeOrderSpec spec, FakeCommandMeta meta,
        long? parentId = null, long? ocoPartnerId = null)
    {
        var now = Now;
        Save(new FakeOrder(orderId, accountId, contractId, now, action, PendingNew) { ParentId = parentId, OcoId = ocoPartnerId, LinkedId = ocoPartnerId });
        var command = Save(new FakeCommand(_ids.Next<FakeCommand>(), orderId, now, "New", "PendingExecution", meta.IsAutomated)
        {
            ClOrdId = meta.ClOrdId,
            CustomTag50 = meta.CustomTag50,
        });
        Save(new FakeOrderVersion(_ids.Next<FakeOrderVersion>(), orderId, qty, spec.OrderType, spec.Price, spec.StopPrice)
        {
            TimeInForce = spec.TimeInForce,
            Text = spec.Text,
        });
        var order = new FakeWorkingOrder(orderId, accountId, contractId, action)
        {
            OrderQty = qty,
            OrderType = spec.OrderType,
            Price = spec.Price,
            StopPrice = spec.StopPrice,
            OcoPartnerId = ocoPartnerId,
            LastCommandId = command.Id,
        };
        _book[orderId] = order;
        if (parentId is { } parent)
        {
            _book[parent].Children.Add(orderId);
        }

        return order;
    }

    private void Accept(FakeWorkingOrder order)
    {
        Save(new FakeCommandReport(_ids.Next<FakeCommandReport>(), order.LastCommandId, Now, "RiskPassed") { OrdStatus = Working });
        Report(order, "New", Working);
        SetStatus(order, Working);
    }

    /// <summary>An OSO bracket waits as Suspended until its entry fills [U: the held state is not documented].</summary>
    private void Suspend(FakeWorkingOrder order)
    {
        Save(new FakeCommandReport(_ids.Next<FakeCommandReport>(), order.LastCommandId, Now, "RiskPassed") { OrdStatus = Suspended });
        SetStatus(order, Suspended);
    }

    private void Activate(FakeWorkingOrder order)
    {
        order.Rested = false;
        Report(order, "New", Working);
        SetStatus(order, Working);
    }

    private void Reject(FakeWorkingOrder order, string reason, string text)
    {
        Save(new FakeCommandReport(_ids.Next<FakeCommandReport>(), order.LastCommandId, Now, "RiskRejected")
        {
            RejectReason = reason,
            Text = text,
            OrdStatus = Rejected,
        });
        Report(order, "Rejected", Rejected, r => r with { RejectReason = reason, Text = text });
        SetStatus(order, Rejected);
    }

    /// <summary>A cancel the exchange makes itself (OCO partner filled, entry of a bracket canceled): no command.</summary>
    private void CancelByExchange(FakeWorkingOrder order)
    {
        Report(order, "Canceled", Canceled);
        SetStatus(order, Canceled);
        CancelChildren(order);
    }

    private void CancelChildren(FakeWorkingOrder order)
    {
        foreach (var child in order.Children.Select(id => _book[id]).Where(c => IsLive(StatusOf(c))))
        {
            CancelByExchange(child);
        }
    }

    private FakeCommandResult? CancelCore(long orderId, FakeCommandMeta meta)
    {
        if (!_book.TryGetValue(orderId, out var order))
        {
            return null;
        }

        var status = StatusOf(order);
        if (status is not (Working or Suspended))
        {
            return TooLate(orderId, status);
        }

        var command = NewCommand(order, "Cancel", meta);
        SetStatus(order, PendingCancel);
        Save(new FakeCommandReport(_ids.Next<FakeCommandReport>(), command.Id, Now, "RiskPassed") { OrdStatus = PendingCancel });
        Report(order, "Canceled", Canceled);
        SetStatus(order, Canceled);
        CancelChildren(order);
        return new FakeCommandResult(command.Id);
    }

    private FakeCommandResult? ModifyCore(FakeModifyTicket ticket, FakeCommandMeta meta)
    {
        if (!_book.TryGetValue(ticket.OrderId, out var order))
        {
            return null;
        }

        var status = StatusOf(order);
        if (status is not (Working or Suspended))
        {
            return TooLate(order.OrderId, status);
        }

        var spec = FakeOrderSpec.Of(ticket);
        if (SpecProblem(spec, order.ContractId) is { } problem)
        {
            return FakeCommandResult.Failure(problem.Reason, problem.Text);
        }

        if (ticket.OrderQty <= order.CumQty)
        {
            return FakeCommandResult.Failure("TooLate", $"Order {order.OrderId} already has {order.CumQty} filled");
        }

        var command = NewCommand(order, "Modify", meta);
        if (status == Working)
        {
            SetStatus(order, PendingReplace);
        }

        Save(new FakeOrderVersion(_ids.Next<FakeOrderVersion>(), order.OrderId, ticket.OrderQty, spec.OrderType, spec.Price, spec.StopPrice)
        {
            TimeInForce = spec.TimeInForce,
            Text = spec.Text,
        });
        Save(new FakeCommandReport(_ids.Next<FakeCommandReport>(), command.Id, Now, "RiskPassed") { OrdStatus = status });
        (order.OrderQty, order.OrderType, order.Price, order.StopPrice) = (ticket.OrderQty, spec.OrderType, spec.Price, spec.StopPrice);
        order.Triggered = false;
        order.Rested = false;
        if (status == Working)
        {
            Report(order, "Replaced", Working);
            SetStatus(order, Working);
        }

        Sweep(order.ContractId);
        return new FakeCommandResult(command.Id);
    }

    private FakeCommand NewCommand(FakeWorkingOrder order, string commandType, FakeCommandMeta meta)
    {
        var command = Save(new FakeCommand(_ids.Next<FakeCommand>(), order.OrderId, Now, commandType, "PendingExecution", meta.IsAutomated)
        {
            ClOrdId = meta.ClOrdId,
            CustomTag50 = meta.CustomTag50,
        });
        order.LastCommandId = command.Id;
        return command;
    }

    private FakeExecutionReport Report(
        FakeWorkingOrder order, string execType, string ordStatus, Func<FakeExecutionReport, FakeExecutionReport>? complete = null)
    {
        var now = Now;
        var report = new FakeExecutionReport(
            _ids.Next<FakeExecutionReport>(), order.LastCommandId, AccountCore(order.AccountId).Name, order.AccountId, order.ContractId, now,
            FakeTradeDates.Of(now), order.OrderId, execType, ordStatus, order.Action)
        {
            CumQty = order.CumQty,
            AvgPx = order.AvgPx,
        };
        return Save(complete is null ? report : complete(report));
    }

    private string StatusOf(FakeWorkingOrder order) => _store.Orders.Get(order.OrderId)!.OrdStatus;

    private void SetStatus(FakeWorkingOrder order, string ordStatus) => Save(_store.Orders.Get(order.OrderId)! with { OrdStatus = ordStatus });

    /// <summary>Modify or cancel of an order that is no longer working: failureReason TooLate [U: the real answer may be an async reject].</summary>
    private static FakeCommandResult TooLate(long orderId, string status) =>
        FakeCommandResult.Failure("TooLate", $"Order {orderId.ToString(CultureInfo.InvariantCulture)} is {status}");

    /// <summary>Order types the fake matches, required prices, prices on the tick grid.</summary>
    private (string Reason, string Text)? SpecProblem(FakeOrderSpec spec, long contractId)
    {
        if (spec.OrderType is not (Market or Limit or Stop or StopLimit))
        {
            return ("Unsupported", $"Order type {spec.OrderType} is not supported by the fake exchange");
        }

        if (spec.NeedsPrice && spec.Price is null)
        {
            return ("InvalidPrice", $"{spec.OrderType} order requires price");
        }

        if (spec.NeedsStopPrice && spec.StopPrice is null)
        {
            return ("InvalidPrice", $"{spec.OrderType} order requires stopPrice");
        }

        var tick = ProductOf(contractId).TickSize;
        foreach (var price in new[] { spec.NeedsPrice ? spec.Price : null, spec.NeedsStopPrice ? spec.StopPrice : null }.OfType<decimal>())
        {
            if (price <= 0 || price % tick != 0)
            {
                return ("InvalidPrice", $"Price {price.ToString(CultureInfo.InvariantCulture)} is not a multiple of the tick size {tick.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return null;
    }
}
