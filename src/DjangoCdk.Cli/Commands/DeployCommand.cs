using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk deploy</c>: the CDK CLI synthesizes the app with your credentials (stopping on any construct error
/// before anything reaches AWS), django-cdk checks that Docker can build its images, then the CDK CLI deploys that
/// same cloud assembly, streaming its progress; the stack's outputs are printed and kept in cdk-outputs.json.
/// </summary>
public sealed class DeployCommand(CliServices services, CliOutput output) : Command<DeploySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var outDirectory = settings.OutDirectory(services, config);
        var cdk = new CdkCli(services);
        cdk.SynthesizeWithCredentials(config, outDirectory, output);
        cdk.RequireDocker(outDirectory);
        var deploy = cdk.OverAssembly(config, outDirectory, ["deploy", config.Name, "--progress", "events",
            "--outputs-file", Path.Combine(config.Directory, CdkCli.OutputsFile), .. settings.Yes ? new[] { "--require-approval", "never" } : []]);
        output.Plain($"Deploying: {deploy}");
        cdk.Run(deploy);
        var outputs = DeployedOutputs.Read(services, config);
        output.Success($"Deployed {config.Name}.");
        output.Table(["Output", "Value"], outputs.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value]));
        return (int)ExitCode.Success;
    }
}
