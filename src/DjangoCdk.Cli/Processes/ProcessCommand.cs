namespace DjangoCdk.Cli;

/// <summary>One program run: what, with which arguments, where and with which extra environment variables.</summary>
/// <param name="Program">The program name, looked up on PATH.</param>
/// <param name="Arguments">Its arguments, each passed as one argument (no shell).</param>
/// <param name="WorkingDirectory">Where it runs; null for the current directory.</param>
/// <param name="Environment">Variables added to ours.</param>
public sealed record ProcessCommand(string Program, IReadOnlyList<string> Arguments, string? WorkingDirectory = null, IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>The command line as a user would type it (arguments with spaces quoted), for messages and tests.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Program }.Concat(Arguments).Select(CommandLine.Quote));
}
