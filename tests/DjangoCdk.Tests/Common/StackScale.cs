using System.Text.Json;
using Amazon.CDK;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Common;

/// <summary>A synthesized stack's size as CloudFormation counts it: its resources and the bytes of the template file the CDK uploads.</summary>
internal sealed record SynthesizedSize(int Resources, long Bytes)
{
    public static SynthesizedSize Of(Stack stack)
    {
        var assembly = ((Stage)stack.Node.Root).Synth();
        var path = assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath;
        using var template = JsonDocument.Parse(File.ReadAllText(path));
        return new SynthesizedSize(template.RootElement.GetProperty("Resources").EnumerateObject().Count(), new FileInfo(path).Length);
    }
}

/// <summary>Many workers and release commands, as the scale tests ask for them.</summary>
internal static class StackScale
{
    /// <summary>How far above the synthesized template's bytes the estimate may be: 3 %.</summary>
    public const double ByteTolerance = 0.03;

    /// <summary>Workers q1, q2, ... each consuming its own queue.</summary>
    public static CeleryWorkerOptions[] Workers(int count) =>
        Enumerable.Range(1, count).Select(i => new CeleryWorkerOptions { Name = "q" + i, Queues = ["q" + i] }).ToArray();

    /// <summary>Release commands cmd1, cmd2, ...</summary>
    public static string[][] ReleaseCommands(int count) =>
        Enumerable.Range(1, count).Select(i => new[] { "python", "manage.py", "cmd" + i }).ToArray();

    public static DjangoEcsProps Ecs(int workers, int releaseCommands) => new()
    {
        ImageDirectory = TestStacks.Backend,
        CeleryWorkers = Workers(workers),
        ReleaseCommands = ReleaseCommands(releaseCommands),
    };

    public static DjangoEksProps Eks(Stack stack, int workers, int releaseCommands) => new()
    {
        ImageDirectory = TestStacks.Backend,
        KubectlLayer = KubectlLayers.FromNpmPackage(stack, "KubectlLayer", EksSamples.KubectlLayerDirectory),
        DomainName = "api.example.com",
        ZoneName = "example.com",
        HostedZoneId = "Z0123456789EXAMPLE",
        CeleryWorkers = Workers(workers),
        ReleaseCommands = ReleaseCommands(releaseCommands),
    };
}
