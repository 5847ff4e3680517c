namespace DjangoCdk.Cli;

/// <summary>A captured run: the exit code and what the program printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
