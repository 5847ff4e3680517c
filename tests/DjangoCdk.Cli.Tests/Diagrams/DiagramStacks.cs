using Amazon.CDK;
using DjangoCdk.Cli;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>Synthesizes small apps in-process into a temporary cdk.out and reads them back as the diagram command does.</summary>
internal static class DiagramStacks
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    /// <summary>The repository root: the folder above the test binaries that holds DjangoCdk.slnx.</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>The sample Django project, the Docker build context of every app here.</summary>
    public static string Backend => Path.Combine(RepositoryRoot, "samples", "backend");

    /// <summary>The sample single-page app's build output.</summary>
    public static string FrontendDist => Path.Combine(RepositoryRoot, "samples", "frontend", "dist");

    /// <summary>Builds one stack named "S" in <see cref="Account"/> and <see cref="Region"/> into <paramref name="outDirectory"/>, synthesizes it and reads the cloud assembly.</summary>
    public static IReadOnlyList<SynthesizedStack> Synthesize(string outDirectory, Action<Stack> build, IDictionary<string, object>? context = null)
    {
        // The CDK CLI turns construct-path metadata on (cdk.json "pathMetadata"); an in-process app must ask for it.
        var withPaths = new Dictionary<string, object>(context ?? new Dictionary<string, object>()) { ["aws:cdk:enable-path-metadata"] = true };
        var app = new App(new AppProps { Outdir = outDirectory, Context = withPaths });
        var stack = new Stack(app, "S", new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });
        build(stack);
        app.Synth();
        return CloudAssemblyReader.Read(outDirectory);
    }

    /// <summary>The node-ID prefix of a stack: its name as the reader gives it, made safe.</summary>
    public static string IdPrefix(SynthesizedStack stack) => string.Concat(stack.StackName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
