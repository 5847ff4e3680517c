using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary><c>django-cdk synth</c>: the config to CloudFormation in cdk.out, then a summary of what was made.</summary>
public sealed class SynthCommand(CliServices services, CliOutput output) : Command<JsonSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var result = output.Progress($"Synthesizing {config.Name}: target {config.Target.Name}, preset {config.Preset.ToString().ToLowerInvariant()}",
            () => Synthesizer.Synthesize(config, settings.OutDirectory(services, config), services), quiet: settings.Json);
        if (settings.Json) output.Json(SynthesisReport.ToJson(result));
        else SynthesisReport.Print(output, result);
        return (int)SynthesisReport.ExitCodeOf(result);
    }
}
