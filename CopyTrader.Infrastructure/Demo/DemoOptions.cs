using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Demo;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>On a database with no broker connection, create the Simulator demo: one leader, three followers.</summary>
    public bool SeedOnFirstRun { get; set; } = true;

    /// <summary>Let the demo leader trade by itself so copying can be watched.</summary>
    public bool ActivityEnabled { get; set; } = true;

    [Range(1, 3600)]
    public int ActivityIntervalSeconds { get; set; } = 5;

    /// <summary>The root the demo leader trades, in its front quarterly contract.</summary>
    [Required]
    public string Root { get; set; } = "MNQ";
}
