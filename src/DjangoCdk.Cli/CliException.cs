namespace DjangoCdk.Cli;

/// <summary>
/// An expected failure the user can fix (a bad config, a missing tool): its message is printed as is and the process
/// exits with <see cref="Cli.ExitCode.UserError"/> (or the code given), never with a stack trace.
/// </summary>
public sealed class CliException(string message, ExitCode exitCode = ExitCode.UserError) : Exception(message)
{
    /// <summary>The exit code the process ends with.</summary>
    public ExitCode ExitCode { get; } = exitCode;
}
