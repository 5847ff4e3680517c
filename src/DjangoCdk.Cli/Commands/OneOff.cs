namespace DjangoCdk.Cli.Commands;

/// <summary>Prints a command for the deployed app, or runs it through the shell (its outputs use shell syntax).</summary>
internal static class OneOff
{
    public static int PrintOrRun(CliServices services, CliOutput output, string command, bool execute)
    {
        if (!execute)
        {
            output.Plain(command);
            return (int)ExitCode.Success;
        }

        var tool = command.Split(' ', 2)[0];
        if (services.Processes.Find(tool) is null)
            throw new CliException(tool == "kubectl"
                ? "kubectl is not installed: https://kubernetes.io/docs/tasks/tools/ (then run the cluster's UpdateKubeconfig output)."
                : "The AWS CLI v2 is not installed: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html (and the Session Manager plugin for shells).");
        if (services.Processes.Find("sh") is null)
            throw new CliException("--execute runs the command through a POSIX shell (sh), which is not on PATH; copy the printed command instead.");
        var exitCode = services.Processes.Run(new ProcessCommand("sh", ["-c", command]));
        return exitCode == 0 ? (int)ExitCode.Success : throw new CliException($"{tool} exited with code {exitCode}.", ExitCode.ToolFailed);
    }
}
