using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of diagram.</summary>
public sealed class DiagramSettings : ConfigSettings
{
    /// <summary>mermaid, dot, svg or png.</summary>
    [CommandOption("-f|--format <FORMAT>")]
    [Description("mermaid (renders on GitHub), dot (Graphviz), svg or png (need Graphviz's dot). Default: mermaid.")]
    [DefaultValue("mermaid")]
    public string Format { get; init; } = "mermaid";

    /// <summary>The file to write; printed when not given (mermaid, dot).</summary>
    [CommandOption("--file <FILE>")]
    [Description("The file to write. Default: printed for mermaid and dot; architecture.svg or .png beside the config.")]
    public string? File { get; init; }

    /// <summary>The allowed formats.</summary>
    public static readonly IReadOnlyList<string> Formats = ["mermaid", "dot", "svg", "png"];

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate() =>
        Formats.Contains(Format)
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--format '{Format}' is not allowed.{ConfigNames.DidYouMean(Format, Formats)} Allowed: {string.Join(", ", Formats)}.");
}
