using CopyTrader.Domain.Brokers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

/// <summary>
/// A realistic props sequence (orders placed, acknowledged, filled; positions moving), delivered in any order, with
/// any duplicates, a 4 PM-style replay of every fill's Created and optionally a reconnect whose snapshot holds what
/// happened so far: each fill id comes out live at most once, and never after a snapshot that contained it.
/// </summary>
public class TradovateUserStateProperties
{
    private const long LateContract = 777;

    private sealed record Step(string EntityType, string EventType, string Entity, long Id);

    private sealed record Scenario(IReadOnlyList<Step> Steps, int RestartAt, bool Replay)
    {
        public override string ToString() =>
            $"restart at {RestartAt}, replay {Replay}: " + string.Join(" | ", Steps.Select(s => $"{s.EntityType} {s.EventType} {s.Id}"));
    }

    private static readonly Gen<Scenario> Scenarios =
        from orderCount in Gen.Choose(1, 4)
        from fillCounts in Gen.Choose(1, 3).ListOf(orderCount)
        from lateContract in Gen.Elements(false, true)
        let steps = Realistic([.. fillCounts], lateContract)
        from shuffled in Gen.Shuffle(steps.ToArray())
        from duplicates in (from index in Gen.Choose(0, steps.Count - 1) from at in Gen.Choose(0, steps.Count) select (index, at)).ListOf()
        from restartAt in Gen.Frequency((2, Gen.Constant(-1)), (3, Gen.Choose(0, steps.Count + duplicates.Count)))
        from replay in Gen.Elements(false, true)
        select new Scenario(WithDuplicates(shuffled, duplicates), restartAt, replay);

    [Property(MaxTest = 300)]
    public Property EachFillIdIsLiveAtMostOnce() => Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
    {
        var driver = Run(scenario, out _, out _);

        var live = driver.LiveFills.Select(f => f.FillId).ToList();
        Assert.Equal(live.Distinct(), live);
        Assert.All(driver.LiveFills, f => Assert.Equal("25", f.AccountId));
    });

    [Property(MaxTest = 300)]
    public Property AFillInAReconnectSnapshotIsNeverLiveAfterIt() => Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
    {
        var driver = Run(scenario, out var inSecondSnapshot, out var eventsBeforeRestart);

        var liveAfter = driver.Events.Skip(eventsBeforeRestart).OfType<FillEvent>().Where(f => !f.IsSnapshot).Select(f => long.Parse(f.FillId));
        Assert.Empty(liveAfter.Intersect(inSecondSnapshot));
    });

    [Property(MaxTest = 300)]
    public Property WithoutAReconnectEveryFillIsLiveExactlyOnceAndNothingIsLeftWaiting() => Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
    {
        var driver = Run(scenario with { RestartAt = -1 }, out _, out _);

        var expected = scenario.Steps.Where(s => s.EntityType == "fill").Select(s => s.Id.ToString()).Distinct().Order();
        Assert.Equal(expected, driver.LiveFills.Select(f => f.FillId).Order());
        Assert.Empty(driver.State.Pending);
        Assert.Empty(driver.State.Problems);
        Assert.True(driver.State.IsSynced);
    });

    private static TradovateUserStateDriver Run(Scenario scenario, out HashSet<long> inSecondSnapshot, out int eventsBeforeRestart)
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        var applied = new List<Step>();
        inSecondSnapshot = [];
        eventsBeforeRestart = int.MaxValue;
        for (var i = 0; i <= scenario.Steps.Count; i++)
        {
            if (i == scenario.RestartAt)
            {
                eventsBeforeRestart = driver.Events.Count;
                inSecondSnapshot = [.. applied.Where(s => s.EntityType == "fill").Select(s => s.Id)];
                driver.Session(2);
                driver.Snapshot(SnapshotOf(applied));
            }

            if (i < scenario.Steps.Count)
            {
                var step = scenario.Steps[i];
                driver.Props(step.EntityType, step.EventType, step.Entity);
                applied.Add(step);
            }
        }

        if (scenario.Replay)
        {
            foreach (var fill in scenario.Steps.Where(s => s.EntityType == "fill"))
            {
                driver.Props("fill", "Created", fill.Entity);
            }
        }

        return driver;
    }

    /// <summary>Per order: placed, its New command and version, working, filled one lot at a time, filled; the position follows.</summary>
    private static List<Step> Realistic(int[] fillCounts, bool lateContract)
    {
        var contract = lateContract ? LateContract : ContractId;
        var steps = new List<Step>();
        var net = 0;
        for (var i = 0; i < fillCounts.Length; i++)
        {
            var orderId = 100 + i;
            steps.Add(new("order", "Created", Order(orderId, "PendingNew", contractId: contract), orderId));
            steps.Add(new("command", "Created", Command(1100 + i, orderId, $"ct-{i}"), 1100 + i));
            steps.Add(new("orderVersion", "Created", Version(2100 + i, orderId, fillCounts[i]), 2100 + i));
            steps.Add(new("order", "Updated", Order(orderId, "Working", contractId: contract), orderId));
            for (var j = 0; j < fillCounts[i]; j++)
            {
                var fillId = 400 + (10 * i) + j;
                steps.Add(new("fill", "Created", Fill(fillId, orderId, contractId: contract, at: fillId), fillId));
                net++;
                steps.Add(new("position", "Updated", Position(500, net, contractId: contract, at: fillId), 500));
            }

            steps.Add(new("order", "Updated", Order(orderId, "Filled", contractId: contract), orderId));
        }

        if (lateContract)
        {
            steps.Add(new("contract", "Created", ContractEntity(LateContract, "MESZ6"), LateContract));
        }

        return steps;
    }

    private static List<Step> WithDuplicates(Step[] steps, IEnumerable<(int Index, int At)> duplicates)
    {
        var result = steps.ToList();
        foreach (var (index, at) in duplicates)
        {
            result.Insert(Math.Min(at, result.Count), steps[index]);
        }

        return result;
    }

    /// <summary>What a reconnect's snapshot would hold: the newest version of every entity applied so far.</summary>
    private static string SnapshotOf(List<Step> applied)
    {
        string[] Latest(string type) =>
            [.. applied.Where(s => s.EntityType == type).GroupBy(s => s.Id).Select(g => g.Last().Entity)];

        return Snapshot(
            ("accounts", [AccountEntity()]), ("contracts", [ContractEntity(), .. Latest("contract")]),
            ("orders", Latest("order")), ("orderVersions", Latest("orderVersion")), ("commands", Latest("command")),
            ("fills", Latest("fill")), ("positions", Latest("position")));
    }
}
