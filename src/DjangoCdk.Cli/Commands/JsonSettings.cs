using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of a config command that can answer in JSON.</summary>
public class JsonSettings : ConfigSettings
{
    /// <summary>Machine-readable output.</summary>
    [CommandOption("--json")]
    [Description("Print the result as JSON instead of tables.")]
    public bool Json { get; init; }
}
