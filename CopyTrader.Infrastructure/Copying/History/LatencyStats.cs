namespace CopyTrader.Infrastructure.Copying.History;

/// <summary>
/// Copy latency per follower account over the filtered range. Only copies that reached a broker count (accepted,
/// rejected or failed): a skipped or dry-run copy has no broker round trip to measure.
/// When the range holds more than <see cref="SampleLimit"/> such copies, every figure covers the newest
/// <see cref="SampleLimit"/> of them and <see cref="Sampled"/> says so.
/// </summary>
public sealed record LatencyStats(IReadOnlyList<FollowerLatency> Followers, bool Sampled, int SampleLimit);

/// <summary>Percentiles by nearest rank: p95 is the smallest latency at least 95 % of the copies did not exceed.</summary>
public sealed record FollowerLatency(int FollowerAccountId, int Count, double P50Ms, double P95Ms, double MaxMs);
