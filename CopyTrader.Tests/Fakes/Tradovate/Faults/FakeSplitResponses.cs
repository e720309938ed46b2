namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// How the exchange answers a <c>user/syncrequest</c> that asks for <c>splitResponses</c>; the chunk shape is not
/// documented [U], so it is a knob. Each chunk is <c>{"s":200,"i":id,"d":{"&lt;array&gt;":[...]}}</c> in its own frame.
/// </summary>
public enum FakeSplitResponses
{
    /// <summary>One response with every array, as without splitResponses.</summary>
    Ignore,

    /// <summary>One response per entity array, <c>users</c> first.</summary>
    PerEntityType,

    /// <summary>One response per entity array, <c>users</c> last (a client that treats d.users as "snapshot done" misses data).</summary>
    PerEntityTypeUsersLast,
}
