using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of run and exec.</summary>
public sealed class RunSettings : ConfigSettings
{
    /// <summary>The management command and its arguments (run only).</summary>
    [CommandArgument(0, "[COMMAND]")]
    [Description("The management command and its arguments, e.g. createsuperuser or migrate --plan (run only).")]
    public string[] Words { get; init; } = [];

    /// <summary>Run the command instead of printing it.</summary>
    [CommandOption("--execute")]
    [Description("Run the command with your AWS credentials instead of printing it (needs the AWS CLI; kubectl for eks).")]
    public bool Execute { get; init; }
}
