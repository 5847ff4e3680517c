using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.Lambda;
using Xunit;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// One small EKS stack, synthesized once: a cluster with one valid manifest whose image is a token (the ECR
/// repository's URI) and one manifest with a misspelled field.
/// </summary>
public sealed class KubernetesSchemaTemplateFixture
{
    public const string GoodManifest = "Good";
    public const string BadManifest = "Bad";

    public KubernetesSchemaTemplateFixture()
    {
        var stack = TestStacks.New();
        var layer = KubectlLayers.FromNpmPackage(stack, "Kubectl", DjangoCdk.Samples.EksSamples.KubectlLayerDirectory);
        var cluster = new Cluster(stack, "Cluster", new ClusterProps
        {
            Version = KubernetesVersion.Of(KubernetesSchema.KubernetesVersion),
            KubectlLayer = layer,
            DefaultCapacity = 0,
        });
        var repository = new Repository(stack, "Images");
        cluster.AddManifest(GoodManifest, Manifest("web", repository.RepositoryUriForTag("1"), "imagePullPolicy"));
        cluster.AddManifest(BadManifest, Manifest("worker", "worker:1", "imagePullPolice"));
        Template = stack.Template();
        GoodLogicalId = stack.LogicalId(cluster.Node.FindChild($"manifest-{GoodManifest}"));
        BadLogicalId = stack.LogicalId(cluster.Node.FindChild($"manifest-{BadManifest}"));
    }

    public Template Template { get; }

    public string GoodLogicalId { get; }

    public string BadLogicalId { get; }

    /// <summary>A Namespace and a Deployment whose container sets <paramref name="pullPolicyField"/>.</summary>
    private static IDictionary<string, object>[] Manifest(string name, string image, string pullPolicyField) =>
    [
        new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new Dictionary<string, object> { ["name"] = name },
        },
        new Dictionary<string, object>
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new Dictionary<string, object> { ["name"] = name, ["namespace"] = name },
            ["spec"] = new Dictionary<string, object>
            {
                ["replicas"] = 1,
                ["selector"] = new Dictionary<string, object> { ["matchLabels"] = new Dictionary<string, object> { ["app"] = name } },
                ["template"] = new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["labels"] = new Dictionary<string, object> { ["app"] = name } },
                    ["spec"] = new Dictionary<string, object>
                    {
                        ["containers"] = new object[]
                        {
                            new Dictionary<string, object> { ["name"] = name, ["image"] = image, [pullPolicyField] = "IfNotPresent" },
                        },
                    },
                },
            },
        },
    ];
}

/// <summary>The manifests of a synthesized template, read through their tokens and validated.</summary>
public sealed class KubernetesSchemaTemplateTests(KubernetesSchemaTemplateFixture fixture) : IClassFixture<KubernetesSchemaTemplateFixture>
{
    [Fact]
    public void A_token_inside_a_manifest_reads_as_the_placeholder()
    {
        // Given a Deployment whose image is the ECR repository's URI (an Fn::Join in the template)
        // When the template's manifests are read
        var manifests = KubernetesManifests.In(fixture.Template);

        // Then the image is the URI with each token read as TOKEN
        var deployment = manifests.Single(m => m.LogicalId == fixture.GoodLogicalId && (string?)m.Body["kind"] == "Deployment");
        var image = (string)deployment.Body["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!;
        Assert.Contains(KubernetesManifests.Placeholder, image);
        Assert.EndsWith(":1", image);
    }

    [Fact]
    public void Every_manifest_of_every_kubernetes_resource_is_read()
    {
        // Given two AddManifest calls of a Namespace and a Deployment each
        // When the template's manifests are read
        var manifests = KubernetesManifests.In(fixture.Template);

        // Then all four are there, in order
        Assert.Equal(
            ["Namespace", "Deployment", "Namespace", "Deployment"],
            manifests.Where(m => m.LogicalId == fixture.GoodLogicalId || m.LogicalId == fixture.BadLogicalId).Select(m => (string)m.Body["kind"]!));
    }

    [Fact]
    public void Errors_in_a_template_name_the_resource_the_manifest_and_the_field()
    {
        // Given one valid manifest with a token and one with imagePullPolice
        // When the template is validated
        var errors = KubernetesSchema.ErrorsIn(fixture.Template);

        // Then the only error is the misspelled field, named with its resource, manifest and path
        var error = Assert.Single(errors);
        Assert.StartsWith($"{fixture.BadLogicalId}[1] Deployment/worker: spec.template.spec.containers[0].imagePullPolice: unknown field", error);
    }
}
