using Amazon.CDK;
using DjangoCdk.Samples;

namespace DjangoCdk.Benchmarks;

/// <summary>One thing the benchmark synthesizes in a fresh process: a sample stack, or the runtime's floor.</summary>
/// <param name="Name">The case's name on the command line and in BENCHMARKS.md.</param>
/// <param name="Description">What it is.</param>
/// <param name="Build">Adds the case's stack to an app (account 123456789012, us-east-1, the samples' lookups answered).</param>
internal sealed record BenchmarkCase(string Name, string Description, Action<App, Amazon.CDK.Environment> Build)
{
    /// <summary>The floor: what every C# CDK app pays (a .NET process, the jsii runtime loading aws-cdk-lib, one synthesis).</summary>
    public const string Floor = "empty";

    /// <summary>The cases, floor first.</summary>
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new(Floor, "an empty stack: the C# CDK runtime's floor", (app, env) => _ = new Stack(app, "Empty", new StackProps { Env = env })),
        new("bucket", "one S3 bucket (the issue's reference point)", (app, env) =>
            _ = new Amazon.CDK.AWS.S3.Bucket(new Stack(app, "Bucket", new StackProps { Env = env }), "Bucket")),
        new("ecs-defaults", "DjangoEcs with defaults (sample DjangoEcsMinimal)", (app, env) => SampleStacks.EcsMinimal(app, "DjangoEcsMinimal", env, SamplePaths.FindBackend())),
        new("ecs-complete", "DjangoEcs with every option (sample DjangoEcsComplete)", (app, env) => SampleStacks.EcsComplete(app, "DjangoEcsComplete", env, SamplePaths.FindBackend())),
        new("static", "StaticSite (sample StaticSiteMinimal)", (app, env) => FrontendSamples.StaticSiteMinimal(app, "StaticSiteMinimal", env, FrontendSamples.FindDist())),
        new("vue", "DjangoVue (sample DjangoVue)", (app, env) => SampleStacks.Vue(app, "DjangoVue", env, SamplePaths.FindBackend(), FrontendSamples.FindDist())),
        new("eks", "DjangoEks (sample DjangoEks, two nested stacks)", (app, env) => EksSamples.Eks(app, "DjangoEks", env, SamplePaths.FindBackend())),
        new("ec2", "DockerEc2 (sample DockerEc2Minimal)", (app, env) => Ec2Samples.Minimal(app, "DockerEc2Minimal", env, SamplePaths.FindBackend())),
        new("s3", "S3BucketResources (sample S3BucketResourcesMinimal)", (app, env) => StorageSamples.S3BucketResourcesMinimal(app, "S3BucketResourcesMinimal", env)),
    ];

    /// <summary>Cases for looking into where time goes, not part of the published table.</summary>
    public static IReadOnlyList<BenchmarkCase> Diagnostics { get; } =
    [
        new("calls", "1000 property reads from the CDK runtime (diagnostic: the cost of one call)", (app, env) =>
        {
            var stack = new Stack(app, "Calls", new StackProps { Env = env });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++) _ = stack.Node;
            Console.Error.WriteLine($"1000 calls: {clock.Elapsed.TotalMilliseconds:0} ms");
        }),
        new("ecs-twice", "two DjangoEcs stacks (diagnostic: the second one's build time is the steady state)", (app, env) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            SampleStacks.EcsMinimal(app, "First", env, SamplePaths.FindBackend());
            var first = clock.Elapsed.TotalSeconds;
            SampleStacks.EcsMinimal(app, "Second", env, SamplePaths.FindBackend());
            Console.Error.WriteLine($"first {first:0.000} s, second {clock.Elapsed.TotalSeconds - first:0.000} s");
        }),
    ];

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static BenchmarkCase Named(string name) =>
        All.Concat(Diagnostics).FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No case '{name}'; the cases are {string.Join(", ", All.Select(c => c.Name))}.");
}
