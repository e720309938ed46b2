using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>What a <see cref="TradovateConnector"/> is made of; the login-wide parts are shared by every connector of the login.</summary>
internal sealed record TradovateConnectorParts(
    string LoginKey,
    TradovateSignIn SignIn,
    TradovateRestClient Rest,
    TradovateOrderClient Orders,
    TradovateAccountReader Reader,
    TradovateContractCatalog Contracts,
    InstrumentCatalog Instruments,
    TimeProvider Clock,
    Func<TradovateSyncRequest, Func<CancellationToken, Task<string>>, TradovateStreamSupervisor> Supervisor);
