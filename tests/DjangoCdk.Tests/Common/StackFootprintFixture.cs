using Amazon.CDK;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Common;

/// <summary>
/// DjangoEcs and DjangoEks with 1 and with 20 workers, each with 10 release commands, synthesized once: their actual
/// sizes beside the estimates <see cref="StackFootprints"/> makes from the same settings.
/// </summary>
public sealed class StackFootprintFixture
{
    public StackFootprintFixture()
    {
        (EcsOne, EcsOneEstimate) = Ecs(1);
        (EcsTwenty, EcsTwentyEstimate) = Ecs(20);
        (EksOne, EksOneEstimate) = Eks(1);
        (EksTwenty, EksTwentyEstimate) = Eks(20);
    }

    internal SynthesizedSize EcsOne { get; }
    internal StackSize EcsOneEstimate { get; }
    internal SynthesizedSize EcsTwenty { get; }
    internal StackSize EcsTwentyEstimate { get; }
    internal SynthesizedSize EksOne { get; }
    internal StackSize EksOneEstimate { get; }
    internal SynthesizedSize EksTwenty { get; }
    internal StackSize EksTwentyEstimate { get; }

    // A stack as `cdk synth` and django-cdk make it: the repository's cdk.json feature flags and the CLI's metadata.
    private static Stack ProjectStack() =>
        new(TestStacks.NewApp(DjangoCdk.Samples.CdkCliContext.Load(DjangoCdk.Samples.SamplePaths.RepositoryRoot)), "Test",
            new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = TestStacks.Region } });

    private static (SynthesizedSize, StackSize) Ecs(int workers)
    {
        var stack = ProjectStack();
        var django = new DjangoEcs(stack, "Django", StackScale.Ecs(workers, 10));
        var settings = DjangoEcsSettings.Resolve(StackScale.Ecs(workers, 10), ConstructSite.Of(django));
        return (SynthesizedSize.Of(stack), StackFootprints.ForEcs(settings).Total);
    }

    private static (SynthesizedSize, StackSize) Eks(int workers)
    {
        var stack = ProjectStack();
        var props = StackScale.Eks(stack, workers, 10);
        var django = new DjangoEks(stack, "Django", props);
        var settings = DjangoEksSettings.Resolve(props, ConstructSite.Of(django), DateOnly.FromDateTime(DateTime.UtcNow));
        return (SynthesizedSize.Of(stack), StackFootprints.ForEks(settings).Total);
    }
}
