using DjangoCdk.Cli;
using Spectre.Console.Testing;

namespace DjangoCdk.Cli.Tests;

/// <summary>The result of running django-cdk in-process: its exit code and everything it printed.</summary>
internal sealed record CliResult(int ExitCode, string Output);

/// <summary>Runs django-cdk commands in-process over a test console, fake processes and a given environment.</summary>
internal sealed class CliRun
{
    public CliRun(string currentDirectory)
    {
        CurrentDirectory = currentDirectory;
    }

    public string CurrentDirectory { get; }

    public FakeProcessRunner Processes { get; } = new();

    public Dictionary<string, string> Variables { get; } = [];

    public DateOnly Today { get; set; } = new(2026, 11, 26);

    /// <summary>How the tool runs itself (the CDK CLI's --app).</summary>
    public IReadOnlyList<string> Self { get; set; } = ["django-cdk"];

    public CliResult Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        console.Profile.Capabilities.Ansi = false;
        var services = new CliServices(Processes, name => Variables.GetValueOrDefault(name), CurrentDirectory, Today, console, SelfCommand: Self);
        var exitCode = CliApp.Create(services).Run(args);
        return new CliResult(exitCode, console.Output);
    }
}
