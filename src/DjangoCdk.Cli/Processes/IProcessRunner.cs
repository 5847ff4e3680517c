namespace DjangoCdk.Cli;

/// <summary>Runs other programs (the AWS CDK CLI, Docker, Graphviz, the AWS CLI); tests replace it to check the exact command lines.</summary>
public interface IProcessRunner
{
    /// <summary>The full path of <paramref name="program"/> on PATH, or null when it is not installed.</summary>
    string? Find(string program);

    /// <summary>Runs a program, streaming its output to ours, and returns its exit code.</summary>
    int Run(ProcessCommand command);

    /// <summary>Runs a program and captures its standard output (for quick checks such as versions and credentials).</summary>
    ProcessResult Capture(ProcessCommand command);
}
