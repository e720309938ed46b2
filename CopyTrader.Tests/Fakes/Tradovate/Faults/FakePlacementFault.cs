namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>A failureReason and failureText (protocol file 1.9) for the next placement, of any account or of one.</summary>
public sealed record FakePlacementFault(string Reason, string Text, long? AccountId = null);
