using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk run</c>: the command that runs one management command in the deployed app (a one-off ECS task, a
/// kubectl exec, a Session Manager command on the host), printed, or run with <c>--execute</c>.
/// </summary>
public sealed class RunCommand(CliServices services, CliOutput output) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        // Options the management command takes (--plan) arrive as remaining arguments; after "--" everything does.
        var words = settings.Words.Concat(context.Remaining.Raw).ToArray();
        if (words.Length == 0) throw new CliException("Give the management command to run, e.g. django-cdk run migrate --plan, or after -- when it takes -c or -o: django-cdk run -- shell -c \"...\".");
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var template = DeployedOutputs.Find(DeployedOutputs.Read(services, config), "RunManagementCommand")
            ?? throw new CliException($"Target {config.Target.Name} has no management commands: it runs no Django container.");
        // ECS's command is JSON inside single quotes ("COMMAND" is one JSON string); the others take shell words.
        var command = template.Contains("\"COMMAND\"", StringComparison.Ordinal)
            ? template.Replace("\"COMMAND\"", string.Join(',', words.Select(w => System.Text.Json.JsonSerializer.Serialize(w).Replace("'", "'\\''"))), StringComparison.Ordinal)
            : template.Replace("COMMAND", string.Join(' ', words.Select(CdkCli.ShellQuote)), StringComparison.Ordinal);
        return OneOff.PrintOrRun(services, output, command, settings.Execute);
    }
}
