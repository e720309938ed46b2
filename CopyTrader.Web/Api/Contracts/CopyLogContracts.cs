using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// One follower's result for one leader event. <see cref="Reason"/> is the broker's reject text, the rule that
/// skipped, or the real error; <see cref="Side"/> is null when nothing was sent.
/// </summary>
public sealed record CopyLogDto(
    long Id, DateTimeOffset CreatedUtc, int CopyGroupId, int LeaderAccountId, int FollowerId, int FollowerAccountId, string LeaderEventId,
    string LeaderSymbol, string Symbol, Side? Side, int LeaderQuantity, int FollowerQuantity, CopyOutcome Outcome, double LatencyMs,
    string? ClientOrderId, string? BrokerOrderId, string? Reason)
{
    public static CopyLogDto Of(CopyLogEntry e) =>
        new(e.Id, e.CreatedUtc, e.CopyGroupId, e.LeaderAccountId, e.FollowerId, e.FollowerAccountId, e.LeaderEventId, e.LeaderSymbol, e.Symbol,
            e.Side, e.LeaderQuantity, e.FollowerQuantity, e.Outcome, e.LatencyMs, e.ClientOrderId, e.BrokerOrderId, e.Reason);
}

/// <summary>One page of the filtered copy log, newest first; <see cref="Page"/> is 1-based and <see cref="Total"/> counts every matching entry.</summary>
public sealed record CopyLogPageDto(IReadOnlyList<CopyLogDto> Items, int Page, int PageSize, int Total);
