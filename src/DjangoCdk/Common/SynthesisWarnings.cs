namespace DjangoCdk;

/// <summary>
/// The ID of every warning DjangoCdk adds at synthesis, stable across releases and listed in the README. Acknowledge
/// one you accept with <c>Annotations.Of(construct).AcknowledgeWarning(SynthesisWarnings.NoHttps, "why")</c>.
/// </summary>
public static class SynthesisWarnings
{
    /// <summary>DjangoEcs: Debug is true, so Django shows settings and source code in error pages.</summary>
    public const string Debug = "djangocdk:debug";

    /// <summary>DjangoEcs: no ApiDomainName, so the site is plain HTTP on the load balancer's name.</summary>
    public const string NoHttps = "djangocdk:no-https";

    /// <summary>DockerEc2: no DomainName, so the site is plain HTTP on the Elastic IP.</summary>
    public const string DockerEc2NoHttps = "djangocdk:docker-ec2-no-https";

    /// <summary>DjangoEks: AdminRoleArns is empty, so no person can use kubectl on the cluster until an access entry is added.</summary>
    public const string EksNoAdmin = "djangocdk:eks-no-admin";

    /// <summary>Any construct: a synth-time lookup (hosted zone, availability zones, NAT image) has no answer, so the template holds a placeholder.</summary>
    public const string UnansweredLookup = "djangocdk:unanswered-lookup";

    /// <summary>StaticSite: no FrontendDomainName, so CloudFront's default certificate (which accepts TLS 1.0) is used.</summary>
    public const string StaticSiteNoDomain = "djangocdk:static-site-no-domain";

    /// <summary>StaticSite: PathToDist is unset or missing, so nothing is uploaded.</summary>
    public const string StaticSiteNoDist = "djangocdk:static-site-no-dist";

    /// <summary>StaticSite: the build folder has no index.html.</summary>
    public const string StaticSiteNoIndex = "djangocdk:static-site-no-index";

    /// <summary>StaticSite: LoadBalancer is set but RestrictLoadBalancerToCloudFront was never called.</summary>
    public const string StaticSiteLoadBalancerNotRestricted = "djangocdk:static-site-alb-not-restricted";

    /// <summary>StaticSite: the load balancer's security group also admits every address.</summary>
    public const string StaticSiteLoadBalancerOpen = "djangocdk:static-site-alb-open";

    /// <summary>StaticSite: CloudFront reaches the load balancer over plain HTTP.</summary>
    public const string StaticSiteLoadBalancerOverHttp = "djangocdk:static-site-alb-over-http";

    /// <summary>StaticSite: the assets bucket's policy cannot be changed here and needs a statement added by hand.</summary>
    public const string StaticSiteAssetsBucketPolicy = "djangocdk:static-site-assets-bucket-policy";
}
