using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>The trail's words for broker operations: each account's outcome, failures in the broker's own words.</summary>
public sealed class AuditOutcomesTests
{
    [Fact]
    public void AFlattenListsEachAccountWithWhatWasDone()
    {
        var details = AuditOutcomes.Flatten(
        [
            new FlattenResult(1, "Demo leader", [new FlattenStep("Liquidate MNQZ6 (+2)", true)]),
            new FlattenResult(2, "Demo follower ×1", [new FlattenStep("Already flat with no working orders", true)]),
        ]);

        Assert.Equal("2 accounts flattened.\n'Demo leader': done (Liquidate MNQZ6 (+2))\n'Demo follower ×1': done (Already flat with no working orders)", details);
    }

    [Fact]
    public void AFailedFlattenGivesEachFailedStepWithTheBrokersReason()
    {
        var details = AuditOutcomes.Flatten(
        [
            new FlattenResult(1, "Demo leader", [new FlattenStep("Liquidate MNQZ6 (+2)", true)]),
            new FlattenResult(7, "Apex 1001", [new FlattenStep("Cancel Buy 1 MNQZ6 Limit (55)", true), new FlattenStep("Liquidate MNQZ6 (+1)", false, "Order rejected: market closed")]),
        ]);

        Assert.Equal("1 of 2 accounts flattened; 1 failed.\n'Demo leader': done (Liquidate MNQZ6 (+2))\n'Apex 1001': FAILED (Liquidate MNQZ6 (+1): Order rejected: market closed)", details);
    }

    [Fact]
    public void AFlattenOfNothingSaysSo() => Assert.Equal("No accounts to flatten.", AuditOutcomes.Flatten([]));

    [Fact]
    public void ATicketGivesTheOrderAndTheBrokersAnswer()
    {
        Assert.Equal("BUY 2 MNQZ6: accepted, broker order 9001",
            AuditOutcomes.Ticket(new TicketOrder(1, "MNQZ6", TicketAction.Buy, 2), new TicketResult(true, "9001", null)));
        Assert.Equal("CLOSE MNQZ6: rejected: No open position in MNQZ6 on account DEMO-LEADER.",
            AuditOutcomes.Ticket(new TicketOrder(1, "MNQZ6", TicketAction.Close, 1), TicketResult.Refused("No open position in MNQZ6 on account DEMO-LEADER.")));
    }

    [Fact]
    public void ASyncGivesEachRepairOrThatNothingWasNeeded()
    {
        var drift = new FollowerDrift(1, 2, 3, "MNQZ6", Expected: 4, Actual: 1);

        Assert.Equal("In sync; nothing sent.", AuditOutcomes.Sync([]));
        Assert.Equal("MNQZ6 held 1, expected 4: Accepted, broker order 77", AuditOutcomes.Sync([new SyncResult(drift, CopyOutcome.Accepted, "77", null)]));
        Assert.Equal("MNQZ6 held 1, expected 4: Rejected: Insufficient margin", AuditOutcomes.Sync([new SyncResult(drift, CopyOutcome.Rejected, null, "Insufficient margin")]));
    }

    [Fact]
    public void AnEntryKeepsItsTextsWithinTheirColumnsAndItsTimeSortable()
    {
        var at = new DateTimeOffset(2026, 11, 23, 14, 0, 0, 123, TimeSpan.Zero);
        var entry = new AuditEntry(at, new Actor("u1", "", AuditChannel.Api), new AuditRecord("flatten.all", new string('s', 600), new string('d', 20_000)) { CopyGroupId = 4 });

        Assert.Equal((AuditEntry.SubjectMaxLength, AuditEntry.DetailsMaxLength), (entry.Subject.Length, entry.Details.Length));
        Assert.EndsWith("…", entry.Details);
        Assert.Equal(("u1", "u1", AuditChannel.Api, 4), (entry.ActorUserId, entry.ActorName, entry.Channel, entry.CopyGroupId));
        Assert.Equal(at.ToUnixTimeMilliseconds(), entry.OccurredUnixMs);
    }

    [Fact]
    public void AnEntryNeedsAnAction() =>
        Assert.Throws<ArgumentException>(() => new AuditEntry(DateTimeOffset.UnixEpoch, Actor.System, new AuditRecord(" ", "s", "d")));
}
