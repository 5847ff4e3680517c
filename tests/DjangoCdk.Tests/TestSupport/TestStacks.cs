using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Constructs;
using DjangoCdk.Samples;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>Stacks for tests: a fixed account and region so nothing depends on the machine.</summary>
internal static class TestStacks
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    /// <summary>Every test app synthesizes below the test host's own temp folder (<see cref="ProcessTemp"/>).</summary>
    private static readonly string OutputRoot = Path.Combine(Path.GetTempPath(), "cdk-apps");

    /// <summary>A stack with a concrete account and region.</summary>
    public static Stack New(string id = "Test") =>
        new(NewApp(), id, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });

    /// <summary>A stack with no account or region (env-agnostic), as `cdk synth` makes without credentials.</summary>
    public static Stack EnvironmentAgnostic(string id = "Test") => new(NewApp(), id);

    /// <summary>An app with its own output folder, removed with the test host's temp folder.</summary>
    public static App NewApp(IDictionary<string, object>? context = null) =>
        new(new AppProps { Outdir = Path.Combine(OutputRoot, Guid.NewGuid().ToString("N")), Context = context });

    /// <summary>The Django sample project, the Docker build context every DjangoEcs test uses.</summary>
    public static string Backend => SamplePaths.FindBackend();

    /// <summary>A path below samples/ in the repository.</summary>
    public static string SamplesPath(string relative) => SamplePaths.InRepository("samples", relative);

    /// <summary>The repository root (found once, by <see cref="SamplePaths.RepositoryRoot"/>).</summary>
    public static string RepositoryRoot => SamplePaths.RepositoryRoot;

    /// <summary>The image ID the NAT-instance lookup of <see cref="WithLookups"/> answers.</summary>
    public const string NatImageId = "ami-0123456789abcdef0";

    /// <summary>
    /// A stack with a concrete account and region whose lookups are answered as cdk.context.json would answer them:
    /// the NAT instance's Amazon Linux 2023 (ARM64) image is <see cref="NatImageId"/>; the region's zones are a, b and c.
    /// </summary>
    public static Stack WithLookups(string region = Region)
    {
        var app = NewApp(new Dictionary<string, object>
        {
            [$"ssm:account={Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64:region={region}"] = NatImageId,
            [$"availability-zones:account={Account}:region={region}"] = new[] { region + "a", region + "b", region + "c" },
        });
        return new Stack(app, "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = region } });
    }

    /// <summary>A new empty folder below the test run's output folder, removed with it.</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(OutputRoot, "dir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// The logical ID of <paramref name="construct"/>'s CloudFormation resource: the construct itself if it is one, else
    /// its default child, followed down (an L2 construct, or a construct that wraps one).
    /// </summary>
    public static string LogicalId(this Stack stack, IConstruct construct)
    {
        for (IConstruct? current = construct; current is not null; current = current.Node.DefaultChild)
        {
            // Resolved rather than computed from the path, so an overridden logical ID (DatabaseSecret has one) is the one returned.
            if (current is CfnElement element) return (string)stack.Resolve(element.LogicalId);
        }

        throw new ArgumentException($"{construct.Node.Path} has no CloudFormation resource of its own.", nameof(construct));
    }

    /// <summary>
    /// Synthesizes <paramref name="stack"/>'s app once and returns its template and its messages. Template.FromStack
    /// and Annotations.FromStack each synthesize the app again, which costs time and runs aspects a second time (the
    /// CDK's RequireImdsv2 aspect then warns about the launch template it added the first time; cdk synth runs once).
    /// </summary>
    public static (Template Template, Annotations Annotations) Synthesize(Stack stack)
    {
        var annotations = Annotations.FromStack(stack);
        var assembly = ((Stage)stack.Node.Root).Synth();
        var template = Amazon.CDK.Assertions.Template.FromJSON((IDictionary<string, object>)assembly.GetStackArtifact(stack.ArtifactId).Template);
        return (template, annotations);
    }

    /// <summary>The template of <paramref name="stack"/>.</summary>
    public static Template Template(this Stack stack) => Amazon.CDK.Assertions.Template.FromStack(stack);
}
