using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk app</c> (hidden): the CDK app itself, which the AWS CDK CLI runs for diff, deploy and destroy. It
/// synthesizes into the folder the CLI names (CDK_OUTDIR) and prints only the constructs' messages.
/// </summary>
public sealed class AppCommand(CliServices services, CliOutput output) : Command<ConfigSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ConfigSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var outDirectory = services.GetVariable("CDK_OUTDIR") is { Length: > 0 } cliOut ? cliOut : settings.OutDirectory(services, config);
        var result = Synthesizer.Synthesize(config, outDirectory, services);
        SynthesisReport.PrintMessages(output, result);

        return result.HasErrors ? (int)ExitCode.UserError : (int)ExitCode.Success;
    }
}
