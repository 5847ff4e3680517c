using System.Text.Json.Nodes;

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
    public static class ExternalDns
    {
        public const string Chart = "external-dns";
        public const string Repository = "https://kubernetes-sigs.github.io/external-dns/";
        public const string ChartVersion = "1.21.1";
        public const string Namespace = "kube-system";
    }

    /// <summary>External Secrets Operator: copies the app's Secrets Manager secrets into one Kubernetes Secret.</summary>
    public static class ExternalSecretsOperator
    {
        public const string Chart = "external-secrets";
        public const string Repository = "https://charts.external-secrets.io";
        public const string ChartVersion = "2.9.0";
        public const string Namespace = "external-secrets";
    }

    /// <summary>metrics-server (an EKS community add-on): the CPU metrics HorizontalPodAutoscalers scale on.</summary>
    public const string MetricsServerAddon = "metrics-server";
}
