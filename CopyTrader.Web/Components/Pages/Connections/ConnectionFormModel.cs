using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;

namespace CopyTrader.Web.Components.Pages.Connections;

/// <summary>What the add form binds to; <see cref="ToDraft"/> is what the service tests and saves.</summary>
public sealed class ConnectionFormModel
{
    public string Name { get; set; } = "";

    public BrokerKind Kind { get; set; } = BrokerKind.Simulator;

    public TradovateLoginModel Tradovate { get; } = new();

    public ConnectionDraft ToDraft() => Kind == BrokerKind.Tradovate
        ? new ConnectionDraft(Name.Trim(), Kind, Tradovate.ToSettings())
        : new ConnectionDraft(Name.Trim(), Kind);
}
