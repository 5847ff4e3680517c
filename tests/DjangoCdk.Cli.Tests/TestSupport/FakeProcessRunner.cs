using DjangoCdk.Cli;

namespace DjangoCdk.Cli.Tests;

/// <summary>Records every command line instead of running it; programs "exist" when listed in <see cref="Installed"/>.</summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    /// <summary>The programs Find reports as installed.</summary>
    public HashSet<string> Installed { get; } = [];

    /// <summary>Every command Run or Capture received, in order.</summary>
    public List<ProcessCommand> Commands { get; } = [];

    /// <summary>Answers for Capture, by program name; a missing entry answers exit code 0 and no output.</summary>
    public Dictionary<string, ProcessResult> Answers { get; } = [];

    /// <summary>The exit code Run returns.</summary>
    public int RunExitCode { get; set; }

    /// <summary>Called by Run, for fakes that must produce files (Graphviz's output).</summary>
    public Action<ProcessCommand>? OnRun { get; set; }

    /// <summary>When set, Find throws it (an unexpected failure).</summary>
    public Exception? Throw { get; set; }

    public string? Find(string program) => Throw is not null ? throw Throw : Installed.Contains(program) ? "/usr/bin/" + program : null;

    public int Run(ProcessCommand command)
    {
        Commands.Add(command);
        OnRun?.Invoke(command);
        return RunExitCode;
    }

    public ProcessResult Capture(ProcessCommand command)
    {
        Commands.Add(command);
        return Answers.TryGetValue(command.Program, out var answer) ? answer : new ProcessResult(0, "", "");
    }
}
