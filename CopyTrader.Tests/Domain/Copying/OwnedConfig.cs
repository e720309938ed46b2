using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain.Copying;

/// <summary>
/// One installation with two traders and an admin-only connection:
/// Alice owns connection 1 (accounts 10, 11), Bob owns connection 2 (accounts 20, 21), nobody owns connection 3 (account 30).
/// </summary>
internal static class OwnedConfig
{
    public const string Alice = "user-alice";
    public const string Bob = "user-bob";

    public static readonly ContractMapping GlobalNq = new("NQ", "MNQ", 10m);
    public static readonly ContractMapping AlicesGc = new("GC", "MGC", 10m);

    public static FollowerSnapshot Follower(int id, int accountId) => new(id, accountId, true, FollowerRule.Default);

    /// <summary>Led by Alice's 10; follows on Alice's 11 (follower 101) and on Bob's 20 (follower 102).</summary>
    public static readonly CopyGroupSnapshot AlicesGroup =
        new CopyGroupSnapshot(1, "Alice main", 10, true, [Follower(101, 11), Follower(102, 20)]) { ContractMappings = [AlicesGc], DryRun = true };

    /// <summary>Led by Bob's 20; follows on Bob's 21 only.</summary>
    public static readonly CopyGroupSnapshot BobsGroup = new(2, "Bob main", 20, true, [Follower(201, 21)]);

    /// <summary>An admin's group: led by the unowned 30, following on Alice's 11 and Bob's 21.</summary>
    public static readonly CopyGroupSnapshot AdminsMixedGroup = new(3, "House", 30, false, [Follower(301, 11), Follower(302, 21)]);

    /// <summary>Led by Alice's 11, following on her 10 only.</summary>
    public static readonly CopyGroupSnapshot AlicesSecondGroup = new(4, "Alice reverse", 11, true, [Follower(401, 10)]);

    public static readonly CopyConfigSnapshot Config = new(
        [
            new ConnectionSnapshot(1, "Alice's Tradovate", BrokerKind.Tradovate, "secret-1") { OwnerUserId = Alice },
            new ConnectionSnapshot(2, "Bob's Tradovate", BrokerKind.Tradovate, "secret-2") { OwnerUserId = Bob },
            new ConnectionSnapshot(3, "House simulator", BrokerKind.Simulator, "secret-3"),
        ],
        [
            new AccountSnapshot(10, 1, "A-10", "Alice 10"), new AccountSnapshot(11, 1, "A-11", "Alice 11"),
            new AccountSnapshot(20, 2, "B-20", "Bob 20"), new AccountSnapshot(21, 2, "B-21", "Bob 21"),
            new AccountSnapshot(30, 3, "H-30", "House 30"),
        ],
        [AlicesGroup, BobsGroup, AdminsMixedGroup, AlicesSecondGroup],
        [GlobalNq]);
}
