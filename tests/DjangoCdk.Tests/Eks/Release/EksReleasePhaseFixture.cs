using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.Lambda;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Eks.Release;

/// <summary>
/// An EKS cluster (the default Kubernetes version, access entries on) with a two-step release phase (migrate, then collectstatic) in
/// namespace <see cref="Namespace"/>, synthesized once for every fact that reads it.
/// </summary>
public sealed class EksReleasePhaseFixture
{
    public const string Namespace = "app";
    public const int TimeoutSeconds = 600;

    public EksReleasePhaseFixture()
    {
        Stack = TestStacks.New();
        Cluster = NewCluster(Stack);
        Phase = new EksReleasePhase(Stack, "Release", new EksReleasePhaseOptions(Cluster, Namespace, [Migrate, Collectstatic], TimeoutSeconds, Skip: false));
        (Template, _) = TestStacks.Synthesize(Stack);
    }

    public Stack Stack { get; }
    internal Cluster Cluster { get; }
    internal EksReleasePhase Phase { get; }
    public Template Template { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);

    internal static readonly EksReleaseStep Migrate = Step("python", "manage.py", "migrate", "--no-input");
    internal static readonly EksReleaseStep Collectstatic = Step("python", "manage.py", "collectstatic", "--no-input");

    /// <summary>A cluster as DjangoEks makes one; the kubectl layer comes from tools/kubectl-layer (restored by npm ci, nothing fetched here).</summary>
    internal static Cluster NewCluster(Stack stack) => new(stack, "Cluster", new ClusterProps
    {
        Version = KubernetesVersion.Of(KubernetesVersions.Default),
        AuthenticationMode = AuthenticationMode.API_AND_CONFIG_MAP,
        DefaultCapacity = 0,
        KubectlLayer = KubectlLayers.FromNpmPackage(stack, "KubectlLayer", DjangoCdk.Samples.EksSamples.KubectlLayerDirectory),
    });

    /// <summary>A release Job for <paramref name="command"/> as DjangoEks would hand it over: no metadata.name.</summary>
    internal static EksReleaseStep Step(params string[] command) => new(command, new Dictionary<string, object>
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["metadata"] = new Dictionary<string, object> { ["labels"] = new Dictionary<string, object> { ["app.kubernetes.io/component"] = "release" } },
        ["spec"] = new Dictionary<string, object>
        {
            ["backoffLimit"] = 0,
            ["ttlSecondsAfterFinished"] = 600,
            ["template"] = new Dictionary<string, object>
            {
                ["spec"] = new Dictionary<string, object>
                {
                    ["restartPolicy"] = "Never",
                    ["containers"] = new object[]
                    {
                        new Dictionary<string, object> { ["name"] = "web", ["image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:abc", ["command"] = command },
                    },
                },
            },
        },
    });
}
