using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary><c>django-cdk diff</c>: what a deploy would change in the deployed stack (the CDK CLI's diff).</summary>
public sealed class DiffCommand(CliServices services, CliOutput output) : Command<ConfigSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ConfigSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var cdk = new CdkCli(services);
        var command = cdk.OverApp(config, settings.OutDirectory(services, config), "diff", config.Name);
        cdk.RequireCredentials();
        output.Plain($"Comparing {config.Name} with the deployed stack: {command}");
        cdk.Run(command);
        return (int)ExitCode.Success;
    }
}
