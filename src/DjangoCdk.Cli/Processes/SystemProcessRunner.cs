using System.Diagnostics;

namespace DjangoCdk.Cli;

/// <summary>The real <see cref="IProcessRunner"/>: programs found on PATH, run without a shell.</summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    public string? Find(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : new[] { "" };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(dir, program + extension);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    public int Run(ProcessCommand command)
    {
        using var process = Process.Start(StartInfo(command, redirect: false))
            ?? throw new InvalidOperationException($"Could not start {command.Program}.");
        process.WaitForExit();
        return process.ExitCode;
    }

    public ProcessResult Capture(ProcessCommand command)
    {
        using var process = Process.Start(StartInfo(command, redirect: true))
            ?? throw new InvalidOperationException($"Could not start {command.Program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private ProcessStartInfo StartInfo(ProcessCommand command, bool redirect)
    {
        var info = new ProcessStartInfo(Find(command.Program) ?? command.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            WorkingDirectory = command.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in command.Environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return info;
    }
}
