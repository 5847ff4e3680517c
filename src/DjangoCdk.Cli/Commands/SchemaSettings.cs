using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of schema.</summary>
public sealed class SchemaSettings : GlobalSettings
{
    /// <summary>Where to write the schema; "-" prints it.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Where to write the schema; - prints it. Default: django-cdk.schema.json in the current folder.")]
    [DefaultValue(ConfigSchema.FileName)]
    public string Out { get; init; } = ConfigSchema.FileName;

    /// <summary>json (the schema) or markdown (the reference of every key).</summary>
    [CommandOption("-f|--format <FORMAT>")]
    [Description("json: the JSON Schema; markdown: the reference of every key, as docs/django-cdk-config.md. Default: json.")]
    [DefaultValue("json")]
    public string Format { get; init; } = "json";

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate() =>
        Format is "json" or "markdown"
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--format '{Format}' is not allowed. Allowed: json, markdown.");
}
