using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class ContractMapEntryProblems
{
    [Fact]
    public void EveryMicroPresetIsValid() => Assert.All(ContractMapping.MicroPresets, p => Assert.Empty(ContractMapEntry.Problems(p)));

    [Fact]
    public void NamesEveryProblemOfABadRow() => Assert.Equal(
        [
            "The leader root must be at most 10 characters (got 'ABCDEFGHIJK').",
            "The follower root is required (e.g. NQ).",
            "A contract map ratio must be greater than zero (got -1).",
        ],
        ContractMapEntry.Problems(new ContractMapping("ABCDEFGHIJK", "", -1m)));

    [Fact]
    public void StoresRootsInCapitalsAndRefusesARootMappedToItself()
    {
        Assert.Equal(new ContractMapping("NQ", "MNQ", 10m), new ContractMapEntry(null, new ContractMapping("nq", "mnq", 10m)).ToMapping());
        Assert.Equal("ES cannot map to itself.", Assert.Throws<CopyTraderDomainException>(() => new ContractMapEntry(1, new ContractMapping("ES", "es", 1m))).Message);
    }
}
