using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The cdk-nag reasons for what the CDK's Amazon EKS constructs build (the cluster and kubectl providers, the node
/// group's and controllers' roles) and for DjangoEks's own IRSA roles, beside the resources they excuse.
/// </summary>
internal static class EksFindings
{
    private static readonly string EcrPublicReadOnly = "/^Policy::.*AmazonElasticContainerRegistryPublicReadOnly.*$/";

    public static void Suppress(DjangoEks django)
    {
        var cluster = django.Cluster;
        NagSuppressions.AddToTree(cluster, new NagSuppression("AwsSolutions-EKS1",
            "The API endpoint is public and private: the CDK's kubectl function and the release handler run outside the VPC and reach it over HTTPS, and every request is authenticated by IAM and authorised by access entries (authentication mode API). Nodes use the private endpoint."));
        NagSuppressions.AddToTree(cluster, new NagSuppression("AwsSolutions-IAM4",
            "AWS-managed policies that Amazon EKS documents as required: AmazonEKSClusterPolicy for the control plane; AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy and AmazonEC2ContainerRegistryReadOnly for managed nodes; basic and VPC Lambda execution and ECR read for the CDK's kubectl handler.",
            NagSuppressions.ManagedPolicy("AmazonEKSClusterPolicy"), NagSuppressions.ManagedPolicy("AmazonEKSWorkerNodePolicy"),
            NagSuppressions.ManagedPolicy("AmazonEKS_CNI_Policy"), NagSuppressions.ManagedPolicy("AmazonEC2ContainerRegistryReadOnly"),
            NagSuppressions.ManagedPolicy("service-role/AWSLambdaBasicExecutionRole"), NagSuppressions.ManagedPolicy("service-role/AWSLambdaVPCAccessExecutionRole"),
            EcrPublicReadOnly));
        if (cluster.Node.TryFindChild("Resource") is { } clusterResource)
            NagSuppressions.AddToTree(clusterResource, new NagSuppression("AwsSolutions-IAM5",
                "The CDK's cluster creation role creates and updates the cluster and its Fargate profiles: EC2 describe calls and eks:* on a cluster whose ARN is only known once created accept no narrower resource.",
                "Resource::*"));
        NagSuppressions.AddToTree(django.AppServiceAccount, new NagSuppression("AwsSolutions-IAM5",
            "Django stores uploads and hashed static files under keys it chooses, so it needs object access to every key of its own bucket (and nothing else).",
            $"Resource::<{NagSuppressions.LogicalId(django.StaticFileBucket)}.Arn>/*"));
        if (cluster.Node.TryFindChild(DjangoEks.Ids.ExternalDnsServiceAccount) is { } dns)
            NagSuppressions.AddToTree(dns, new NagSuppression("AwsSolutions-IAM5",
                "route53:ListHostedZones accepts only Resource '*' (external-dns's documented policy); record changes are limited to the app's one hosted zone.",
                "Resource::*"));
        if (cluster.AlbController is { } alb)
            NagSuppressions.AddToTree(alb, new NagSuppression("AwsSolutions-IAM5",
                "The AWS Load Balancer Controller's own published IAM policy (docs/install/iam_policy.json of the pinned release, shipped unchanged): it creates and tags load balancers, target groups and security groups whose names it chooses, guarded by the elbv2.k8s.aws/cluster tag conditions in that policy."));

        var stack = Stack.Of(django);
        foreach (var child in stack.Node.Children.Where(c => c.Node.Id.StartsWith("@aws-cdk--aws-eks.", StringComparison.Ordinal) || c.Node.Id.StartsWith("Custom::AWSCDKOpenIdConnectProvider", StringComparison.Ordinal)))
            SuppressProvider(child);
    }

    /// <summary>The CDK's provider nested stacks and the OIDC provider's function: framework code DjangoCdk does not shape.</summary>
    private static void SuppressProvider(IConstruct provider)
    {
        NagSuppressions.AddToTree(provider,
            new NagSuppression("AwsSolutions-IAM4",
                "The CDK's EKS provider functions carry the AWS-managed Lambda execution policies (logs only, and ENIs for the VPC variant).",
                NagSuppressions.ManagedPolicy("service-role/AWSLambdaBasicExecutionRole"), NagSuppressions.ManagedPolicy("service-role/AWSLambdaVPCAccessExecutionRole")),
            new NagSuppression("AwsSolutions-IAM5",
                "The CDK's provider framework invokes its own handler functions, whose versions need the ':*' suffix; its waiter's log delivery and the OIDC provider function's IAM calls accept only Resource '*'."),
            new NagSuppression("AwsSolutions-SF1",
                "The CDK's EKS cluster-provider waiter state machine is built by the CDK without logging options; it only polls the cluster's creation, and each handler function logs to its own log group."),
            new NagSuppression("AwsSolutions-SF2",
                "The CDK's EKS cluster-provider waiter state machine only polls the cluster's creation; X-Ray tracing would add cost without showing anything the handlers' logs do not."),
            new NagSuppression("AwsSolutions-L1",
                $"The CDK's kubectl handler runs the AWS CLI v1 layer this CDK version bundles (built for Python 3.8) beside kubectl and helm; it runs on {PythonLambdaRuntime.Python.Name}, the newest Python that CLI was checked on (see PythonLambdaRuntime), while cdk-nag asks for the newest Python the CDK knows. The Node.js functions run the newest Node.js."));
    }
}
