using Amazon.CDK;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>The sample app of <see cref="DjangoEks"/>: the sample Django project on Amazon EKS.</summary>
public static class EksSamples
{
    /// <summary>The npm package of the kubectl layer the sample uses: its minor version matches <see cref="KubernetesVersions.Default"/> (a test checks).</summary>
    public const string KubectlLayerPackage = "@aws-cdk/lambda-layer-kubectl-v35";

    /// <summary>The installed kubectl layer package (tools/kubectl-layer, restored by this project's build with npm ci).</summary>
    public static string KubectlLayerDirectory => SamplePaths.InRepository(["tools", "kubectl-layer", "node_modules", .. KubectlLayerPackage.Split('/')]);

    /// <summary>DjangoEks on api.example.com with Celery beat; everything else default.</summary>
    public static Stack Eks(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        var stack = new Stack(scope, id, new StackProps
        {
            Env = env,
            Description = "DjangoCdk sample: DjangoEks on api.example.com (a Route 53 hosted zone of yours replaces example.com)",
        });
        _ = new DjangoEks(stack, "Django", new DjangoEksProps
        {
            ImageDirectory = imageDirectory,
            KubectlLayer = KubectlLayers.FromNpmPackage(stack, "KubectlLayer", KubectlLayerDirectory),
            DomainName = "api.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
            UseCeleryBeat = true,
        });
        return stack;
    }
}
