using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary><c>django-cdk exec</c>: a shell in a running container of the deployed app, printed or run with <c>--execute</c>.</summary>
public sealed class ExecCommand(CliServices services, CliOutput output) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var outputs = DeployedOutputs.Read(services, config);
        var command = config.Target.Name switch
        {
            "ecs" or "vue" => DeployedOutputs.Find(outputs, "ExecCommand")
                ?? throw new CliException("ECS Exec is off for this app: set use_ecs_exec: true (under django: for target vue), deploy, and run again."),
            "eks" => (DeployedOutputs.Find(outputs, "RunManagementCommand") ?? throw new CliException("The stack has no RunManagementCommand output; deploy first."))
                .Replace(" exec ", " exec --stdin --tty ", StringComparison.Ordinal)
                .Replace("python manage.py COMMAND", "/bin/sh", StringComparison.Ordinal),
            "ec2" => DeployedOutputs.Find(outputs, "SessionCommand") ?? throw new CliException("The stack has no SessionCommand output; deploy first."),
            _ => throw new CliException($"Target {config.Target.Name} runs no container to open a shell in."),
        };
        return OneOff.PrintOrRun(services, output, command, settings.Execute);
    }
}
