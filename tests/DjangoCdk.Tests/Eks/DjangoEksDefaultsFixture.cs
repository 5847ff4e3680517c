using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Eks;

/// <summary>
/// One DjangoEks with only what it requires (the image, the sample's kubectl layer, the domain and its zone),
/// synthesized once for every fact that reads it.
/// </summary>
public sealed class DjangoEksDefaultsFixture
{
    public const string Domain = "api.example.com";
    public const string Zone = "example.com";
    public const string ZoneId = "Z0123456789EXAMPLE";

    public DjangoEksDefaultsFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEks(Stack, "Django", new DjangoEksProps
        {
            ImageDirectory = TestStacks.Backend,
            KubectlLayer = KubectlLayers.FromNpmPackage(Stack, "KubectlLayer", EksSamples.KubectlLayerDirectory),
            DomainName = Domain,
            ZoneName = Zone,
            HostedZoneId = ZoneId,
        });
        (Template, Annotations) = TestStacks.Synthesize(Stack);
        Eks = new EksTemplate(Stack, Django, Template);
    }

    public Stack Stack { get; }
    public DjangoEks Django { get; }
    public Template Template { get; }

    /// <summary>The warnings and errors of the synthesis.</summary>
    public Annotations Annotations { get; }

    /// <summary>The template read as DjangoEks's pieces: manifests, Jobs, dependencies.</summary>
    internal EksTemplate Eks { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}
