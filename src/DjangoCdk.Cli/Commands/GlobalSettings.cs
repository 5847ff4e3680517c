using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options every command takes.</summary>
public class GlobalSettings : CommandSettings
{
    /// <summary>No colour codes in the output (also: the NO_COLOR variable, or output redirected to a file).</summary>
    [CommandOption("--no-color")]
    [Description("No colour codes in the output (also when NO_COLOR is set or the output is redirected).")]
    public bool NoColor { get; init; }

    /// <summary>Adds details to errors, such as the stack trace of an unexpected one.</summary>
    [CommandOption("-v|--verbose")]
    [Description("Add details to errors (the stack trace of an unexpected one).")]
    public bool Verbose { get; init; }
}
