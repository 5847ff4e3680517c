using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk deploy</c>: synthesizes (stopping on any construct error before anything reaches AWS), checks for
/// Docker and credentials, then runs the CDK CLI's deploy, streaming its progress, and prints the stack's outputs.
/// </summary>
public sealed class DeployCommand(CliServices services, CliOutput output) : Command<DeploySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var outDirectory = settings.OutDirectory(services, config);
        var cdk = new CdkCli(services);
        var command = cdk.Command(config, outDirectory, ["deploy", config.Name, "--progress", "events",
            "--outputs-file", Path.Combine(config.Directory, CdkCli.OutputsFile), .. settings.Yes ? new[] { "--require-approval", "never" } : []]);
        output.Plain($"Synthesizing {config.Name} before deploying ...");
        var synthesis = Synthesizer.Synthesize(config, outDirectory, services.GetVariable);
        foreach (var message in synthesis.Messages) output.Warning($"{message.Text} (at {message.ConstructPath})");
        if (synthesis.HasErrors) throw new CliException("Not deploying: the constructs reported the errors above.");
        cdk.RequireCredentials();
        cdk.RequireDocker(synthesis);
        output.Plain($"Deploying: {command}");
        cdk.Run(command);
        var outputs = DeployedOutputs.Read(services, config);
        output.Success($"Deployed {config.Name}.");
        output.Table(["Output", "Value"], outputs.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value]));
        return (int)ExitCode.Success;
    }
}
