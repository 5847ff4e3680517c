using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>Every django-cdk verb, registered in one place, in the order help lists them.</summary>
internal static class Commands
{
    public static void Register(IConfigurator config)
    {
        // COMMANDS: one line per verb.
    }
}
