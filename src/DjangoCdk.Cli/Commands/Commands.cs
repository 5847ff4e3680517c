using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>Every django-cdk verb, registered in one place, in the order help lists them.</summary>
internal static class Commands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<SynthCommand>("synth").WithDescription("Synthesize the app into CloudFormation templates (cdk.out) and summarize them. Needs no AWS account.");
        // COMMANDS: one line per verb.
        config.AddCommand<InitCommand>("init").WithDescription("Look at a Django project and write a commented django-cdk.yaml.");
    }
}
