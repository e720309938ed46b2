using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class CopyGraphFindCycle
{
    [Fact]
    public void NoCycleInATreeOrAChain()
    {
        Assert.Null(CopyGraph.FindCycle([(1, 2), (1, 3), (1, 4)]));
        Assert.Null(CopyGraph.FindCycle([(1, 2), (2, 3), (3, 4)]));
        Assert.Null(CopyGraph.FindCycle([(1, 3), (2, 3)])); // two leaders sharing a follower
        Assert.Null(CopyGraph.FindCycle([]));
    }

    [Fact]
    public void FindsTwoAccountsCopyingEachOther() =>
        Assert.Equal([1, 2, 1], CopyGraph.FindCycle([(1, 2), (2, 1)]));

    [Fact]
    public void FindsALongerLoopAcrossGroups() =>
        Assert.Equal([2, 3, 4, 2], CopyGraph.FindCycle([(1, 2), (2, 3), (3, 4), (4, 2), (1, 5)]));

    [Fact]
    public void FindsSelfFollow() => Assert.Equal([7, 7], CopyGraph.FindCycle([(7, 7)]));
}
