using Spectre.Console;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk destroy</c>: says what the deletion keeps (database snapshot, buckets, secrets), from the app as the
/// CDK CLI synthesizes it with your credentials, asks, then runs the CDK CLI's destroy.
/// </summary>
public sealed class DestroyCommand(CliServices services, CliOutput output) : Command<DeploySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var outDirectory = settings.OutDirectory(services, config);
        var cdk = new CdkCli(services);
        var kept = RetainedResources.Of(cdk.SynthesizeWithCredentials(config, outDirectory, output));
        var destroy = cdk.OverAssembly(config, outDirectory, ["destroy", config.Name, .. settings.Yes ? new[] { "--force" } : []]);
        output.Heading($"Destroying {config.Name} deletes its servers and network. These stay, on purpose:");
        output.Table(["Resource", "Type", "After destroy"], kept.Select(k => (IReadOnlyList<string>)[k.LogicalId, k.Type, k.Fate]));
        output.Plain("A database with deletion protection on stops the deletion until you turn protection off (README: Tear-down, and what is kept). Delete what is kept by hand when you no longer need it.");
        if (!settings.Yes)
        {
            if (!services.Interactive) throw new CliException("destroy asks for confirmation and this is not an interactive terminal: add --yes to confirm.");
            if (!output.Console.Confirm($"Destroy stack {config.Name}?", defaultValue: false)) return (int)ExitCode.Success;
        }

        output.Plain($"Destroying: {destroy}");
        cdk.Run(destroy);
        return (int)ExitCode.Success;
    }
}
