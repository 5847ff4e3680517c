using System.Text.Json.Nodes;
using Amazon.CDK.AWS.EKS;

namespace DjangoCdk;

/// <summary>
/// The cluster add-ons DjangoEks installs, every version pinned here and nowhere else. Helm fetches each chart from
/// its repository when the deployment runs (the CDK's kubectl handler); nothing is downloaded at synth time. Sources
/// and dates: docs/eks.md, "Add-on versions" (read 2026-11-26). Upgrade them together, after reading each project's release notes.
/// </summary>
internal static class EksAddons
{
    /// <summary>The AWS Load Balancer Controller: makes the ALB for the Ingress.</summary>
    public static class LoadBalancerController
    {
        public const string Version = "v3.5.0";
        public const string ChartVersion = "3.5.0";

        /// <summary>Public ECR: one repository for every region (the CDK's default names the us-west-2 private registry).</summary>
        public const string Repository = "public.ecr.aws/eks/aws-load-balancer-controller";

        /// <summary>The controller's IAM policy for <see cref="Version"/>, shipped in the assembly (docs/install/iam_policy.json of that release).</summary>
        public static Dictionary<string, object> Policy() =>
            (Dictionary<string, object>)KubernetesObjects.Plain(JsonNode.Parse(EmbeddedResource.Read("DjangoCdk.Eks.aws-load-balancer-controller-iam-policy.json")))!;
    }

    /// <summary>external-dns: points the domain at the ALB, in the one hosted zone it may change.</summary>
    public static readonly HelmAddon ExternalDns = new("external-dns", "https://kubernetes-sigs.github.io/external-dns/", "1.21.1", "kube-system");

    /// <summary>External Secrets Operator: copies the app's Secrets Manager secrets into one Kubernetes Secret.</summary>
    public static readonly HelmAddon ExternalSecretsOperator = new("external-secrets", "https://charts.external-secrets.io", "2.9.0", "external-secrets", CreateNamespace: true);

    /// <summary>metrics-server (an EKS community add-on): the CPU metrics HorizontalPodAutoscalers scale on.</summary>
    public const string MetricsServerAddon = "metrics-server";
}

/// <summary>A Helm chart DjangoEks installs: where it comes from, its pinned version, and its namespace; the release is named after the chart.</summary>
internal sealed record HelmAddon(string Chart, string Repository, string Version, string Namespace, bool CreateNamespace = false)
{
    /// <summary>The chart's options with <paramref name="values"/>; Helm waits for its pods to be ready.</summary>
    public HelmChartOptions Options(IDictionary<string, object> values) => new()
    {
        Chart = Chart,
        Repository = Repository,
        Version = Version,
        Namespace = Namespace,
        Release = Chart,
        CreateNamespace = CreateNamespace ? true : null,
        Wait = true,
        Values = values,
    };
}
