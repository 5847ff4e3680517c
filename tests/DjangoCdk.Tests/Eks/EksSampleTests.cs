using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Eks;

/// <summary>The DjangoEks sample app as <c>cdk synth</c> makes it.</summary>
public sealed class EksSampleTests
{
    [Fact]
    public void The_samples_kubectl_layer_matches_the_clusters_minor_version()
    {
        // Given the sample stack
        var stack = EksSamples.Eks(TestStacks.NewApp(), "Eks", new Amazon.CDK.Environment { Account = TestStacks.Account, Region = TestStacks.Region }, TestStacks.Backend);
        var django = (DjangoEks)stack.Node.FindChild("Django");
        var layer = (ILayerVersion)stack.Node.FindChild("KubectlLayer");

        // When synthesized
        var (template, _) = TestStacks.Synthesize(stack);
        var cluster = new TemplateJson(template).Resources[stack.LogicalId(django.Cluster)]!;
        var clusterVersion = (string)cluster["Properties"]!["Config"]!["version"]!;

        // Then the cluster runs the default version...
        Assert.Equal(KubernetesVersions.Default, clusterVersion);
        var minor = KubernetesVersions.Minor(clusterVersion);
        // ...the layer's installed package folder and its package.json name that minor version...
        Assert.EndsWith("-v" + minor, EksSamples.KubectlLayerDirectory.TrimEnd(Path.DirectorySeparatorChar));
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(EksSamples.KubectlLayerDirectory, "package.json")));
        Assert.Equal("@aws-cdk/lambda-layer-kubectl-v" + minor, package.RootElement.GetProperty("name").GetString());
        Assert.Equal(EksSamples.KubectlLayerPackage, package.RootElement.GetProperty("name").GetString());
        // ...and the layer the cluster's kubectl handler uses is that package's
        Assert.Equal(clusterVersion, KubectlLayers.KubernetesVersionOf(layer));
        Assert.Same(layer, django.Cluster.KubectlLayer);
    }
}
