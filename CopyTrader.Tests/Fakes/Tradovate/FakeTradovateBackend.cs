using CopyTrader.Tests.Fakes.Tradovate.Api;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>What every connection of one server shares.</summary>
internal sealed record FakeTradovateBackend(
    FakeTradovateOptions Options,
    FakeTradovateExchange Exchange,
    FakeTradovateFaults Faults,
    FakeTradovateAccess Access,
    FakeTradovateApi Api,
    FakeTradovateRequestLog Log);
