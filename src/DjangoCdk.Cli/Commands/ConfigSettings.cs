using System.ComponentModel;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The options of every command that reads django-cdk.yaml.</summary>
public class ConfigSettings : GlobalSettings
{
    /// <summary>The config file.</summary>
    [CommandOption("-c|--config <FILE>")]
    [Description("The config file. Default: django-cdk.yaml in the current folder.")]
    [DefaultValue(AppConfig.DefaultFile)]
    public string Config { get; init; } = AppConfig.DefaultFile;

    /// <summary>Where the cloud assembly goes.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Where the cloud assembly (templates and assets) goes. Default: cdk.out beside the config file.")]
    public string? Out { get; init; }

    /// <summary>The cloud assembly folder for <paramref name="config"/>: --out, else cdk.out beside the config.</summary>
    public string OutDirectory(CliServices services, AppConfig config) =>
        Out is null ? Path.Combine(config.Directory, "cdk.out") : services.FullPath(Out);
}
