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
        // The management command's own options (--plan, -c) would be read as django-cdk's: they go after "--".
        // (Spectre lists the options after "--" among the parsed ones too: only those before it are refused.)
        var stray = context.Remaining.Parsed.Select(g => g.Key).Where(key => !context.Remaining.Raw.Contains(key)).ToList();
        if (stray.Count > 0)
            throw new CliException($"django-cdk run does not take {string.Join(", ", stray)}: put the management command after --, e.g. django-cdk run -- migrate --plan.");
        var words = settings.Words.Concat(context.Remaining.Raw).ToArray();
        if (words.Length == 0) throw new CliException("Give the management command to run, e.g. django-cdk run createsuperuser, or django-cdk run -- migrate --plan when it has options.");
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var template = DeployedOutputs.Find(DeployedOutputs.Read(services, config), "RunManagementCommand")
            ?? throw new CliException($"Target {config.Target.Name} has no management commands: it runs no Django container.");
        // ECS's command is JSON inside single quotes ("COMMAND" is one JSON string); the others take shell words.
        var command = template.Contains("\"COMMAND\"", StringComparison.Ordinal)
            ? template.Replace("\"COMMAND\"", string.Join(',', words.Select(w => System.Text.Json.JsonSerializer.Serialize(w).Replace("'", "'\\''"))), StringComparison.Ordinal)
            : template.Replace("COMMAND", string.Join(' ', words.Select(CommandLine.Quote)), StringComparison.Ordinal);
        return OneOff.PrintOrRun(services, output, command, settings.Execute);
    }
}
