using Spectre.Console;

namespace DjangoCdk.Cli;

/// <summary>
/// What commands use from the outside world, in one place: the console, other programs, environment variables, the
/// current folder and today's date. The real ones come from <see cref="ForThisMachine"/>; tests pass fakes.
/// </summary>
/// <param name="Processes">Runs the AWS CDK CLI, Docker, Graphviz, the AWS CLI.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="CurrentDirectory">The folder relative paths start from.</param>
/// <param name="Today">Today's date (the price table's age is checked against it).</param>
/// <param name="Console">The console to write to; null to create one from the environment (colour detection, NO_COLOR, --no-color).</param>
/// <param name="Interactive">Whether questions may be asked (a terminal on stdin).</param>
/// <param name="SelfCommand">The command line that runs this tool (the AWS CDK CLI runs it as its app); null for <see cref="ThisProcess"/>.</param>
public sealed record CliServices(
    IProcessRunner Processes,
    Func<string, string?> GetVariable,
    string CurrentDirectory,
    DateOnly Today,
    IAnsiConsole? Console = null,
    bool Interactive = false,
    IReadOnlyList<string>? SelfCommand = null)
{
    /// <summary>How to run this tool again: the installed command, or dotnet and the tool's assembly.</summary>
    public IReadOnlyList<string> Self => SelfCommand ?? ThisProcess();

    /// <summary>The command line of the running tool.</summary>
    public static IReadOnlyList<string> ThisProcess()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(CliServices).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? [host, assembly] : [host];
    }

    /// <summary>The real machine: programs on PATH, the process environment, the current folder, the system clock.</summary>
    public static CliServices ForThisMachine() => new(
        new SystemProcessRunner(),
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        DateOnly.FromDateTime(DateTime.UtcNow),
        Interactive: !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected);

    /// <summary>A path relative to <see cref="CurrentDirectory"/>, made absolute.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
