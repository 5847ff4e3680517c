using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of deploy and destroy.</summary>
public sealed class DeploySettings : ConfigSettings
{
    /// <summary>Do not ask for confirmation.</summary>
    [CommandOption("-y|--yes")]
    [Description("Do not ask: deploy without approving security changes, destroy without confirming.")]
    public bool Yes { get; init; }
}
