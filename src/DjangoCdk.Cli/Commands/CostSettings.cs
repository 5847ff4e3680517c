using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of cost.</summary>
public sealed class CostSettings : JsonSettings
{
    /// <summary>Skip the side-by-side of the presets (one synthesis instead of three).</summary>
    [CommandOption("--no-compare")]
    [Description("Estimate the config only, without the side-by-side of the presets (faster).")]
    public bool NoCompare { get; init; }
}
