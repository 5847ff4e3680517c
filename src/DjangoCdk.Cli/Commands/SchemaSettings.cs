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
}
