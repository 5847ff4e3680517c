using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>Every django-cdk verb, registered in one place, in the order help lists them.</summary>
internal static class Commands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<SynthCommand>("synth").WithDescription("Synthesize the app into CloudFormation templates (cdk.out) and summarize them. Needs no AWS account.");
        config.AddCommand<CostCommand>("cost").WithDescription("Estimate the monthly cost per resource from the dated price table, with the presets side by side. An estimate: traffic excluded.");
        config.AddCommand<DiagramCommand>("diagram").WithDescription("Draw the architecture: Mermaid (default), Graphviz DOT, or SVG/PNG with Graphviz installed.");
        config.AddCommand<DiffCommand>("diff").WithDescription("Show what a deploy would change (runs the AWS CDK CLI; needs AWS credentials).");
        config.AddCommand<DeployCommand>("deploy").WithDescription("Deploy the app (runs the AWS CDK CLI; needs AWS credentials, a bootstrapped account and Docker).");
        config.AddCommand<DestroyCommand>("destroy").WithDescription("Delete the stack, after listing what is kept (database snapshot, buckets, secrets).");
        config.AddCommand<RunCommand>("run").WithDescription("Print (or --execute) the command that runs a management command in the deployed app.");
        config.AddCommand<ExecCommand>("exec").WithDescription("Print (or --execute) the command that opens a shell in a running container.");
        config.AddCommand<SchemaCommand>("schema").WithDescription("Write the JSON Schema of django-cdk.yaml, for editor completion and checks.");
        config.AddCommand<AppCommand>("app").IsHidden().WithDescription("The CDK app the AWS CDK CLI runs (used by diff, deploy, destroy).");
        // COMMANDS: one line per verb.
        config.AddCommand<InitCommand>("init").WithDescription("Look at a Django project and write a commented django-cdk.yaml.");
    }
}
