using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.AWS.ECS;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Ecs;

/// <summary>
/// The everything-on DjangoEcs: the complete sample's props (<see cref="SampleProps.EcsComplete"/>, one definition for
/// the sample app and the tests), synthesized once in a stack whose lookups are answered as cdk.context.json would.
/// </summary>
public sealed class DjangoEcsCompleteFixture
{
    public DjangoEcsCompleteFixture()
    {
        Stack = TestStacks.WithLookups();
        Django = new DjangoEcs(Stack, "Django", Props(Stack));
        (Template, Annotations) = TestStacks.Synthesize(Stack);
    }

    /// <summary>
    /// The sample's props with one deliberate difference: X86_64 instead of the default ARM64 the sample deploys on,
    /// so that the architecture prop is proven to reach every task and the image build.
    /// </summary>
    public static DjangoEcsProps Props(Stack stack) =>
        SampleProps.EcsComplete(stack, TestStacks.Backend) with { CpuArchitecture = CpuArchitecture.X86_64 };

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }

    /// <summary>The warnings and errors of the synthesis.</summary>
    public Annotations Annotations { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}
