using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Brokers.Simulator;

public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>How often the synthetic price feed moves, in milliseconds.</summary>
    [Range(10, 60_000)]
    public int PriceTickMilliseconds { get; set; } = 500;

    /// <summary>Cash each simulator account starts with.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal StartingBalance { get; set; } = 50_000m;

    /// <summary>How many paper accounts (SIM-1, SIM-2, ...) a new Simulator connection discovers.</summary>
    [Range(1, 100)]
    public int PaperAccounts { get; set; } = 4;

    /// <summary>Seed for the price walk; null picks a random one.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Opening prices by root; unknown roots open at 100.</summary>
    public Dictionary<string, decimal> OpeningPrices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ES"] = 6000m, ["MES"] = 6000m, ["NQ"] = 21000m, ["MNQ"] = 21000m, ["YM"] = 44000m, ["MYM"] = 44000m,
        ["RTY"] = 2300m, ["M2K"] = 2300m, ["GC"] = 2650m, ["MGC"] = 2650m, ["CL"] = 70m, ["MCL"] = 70m,
        ["SI"] = 31m, ["HG"] = 4.2m, ["NG"] = 3.1m, ["ZB"] = 118m, ["ZN"] = 110m, ["6E"] = 1.05m,
    };
}
