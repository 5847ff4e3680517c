using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Ecs;

/// <summary>One DjangoEcs with only the required prop, synthesized once for every fact that reads it.</summary>
public sealed class DjangoEcsDefaultsFixture
{
    public DjangoEcsDefaultsFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEcs(Stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        (Template, Annotations) = TestStacks.Synthesize(Stack);
    }

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }

    /// <summary>The warnings and errors of the synthesis.</summary>
    public Annotations Annotations { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}
