using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.S3;

namespace DjangoCdk.Tests.Frontend;

/// <summary>
/// A StaticSite with every option on, in us-east-1: domain with a created certificate, the Django load balancer over
/// HTTPS and locked to CloudFront, an assets bucket of the same stack with public media, WAF, geo restriction, CSP,
/// all edge locations.
/// </summary>
public sealed class StaticSiteCompleteFixture
{
    public const string ContentSecurityPolicy = "default-src 'self'";

    public StaticSiteCompleteFixture()
    {
        Stack = Sites.UsEast1();
        var (alb, listener, web) = Sites.LoadBalancer(Stack);
        LoadBalancer = alb;
        Listener = listener;
        WebTargets = web;
        AssetsBucket = new Bucket(Stack, "StaticFiles", new BucketProps { EnforceSSL = true });
        Site = new StaticSite(Stack, Sites.SiteId, new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            RequirePathToDist = true,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            LoadBalancer = alb,
            LoadBalancerDomainName = Sites.ApiDomain,
            AssetsBucket = AssetsBucket,
            PublicMedia = true,
            PriceClass = PriceClass.PRICE_CLASS_ALL,
            WebAclArn = Sites.WebAclArn,
            GeoRestriction = GeoRestriction.Allowlist("DE", "FR", "US"),
            ContentSecurityPolicy = ContentSecurityPolicy,
            DeploymentMemoryMiB = 1024,
        });
        Site.RestrictLoadBalancerToCloudFront(listener, [web]);
        Template = Template.FromStack(Stack);
    }

    public Stack Stack { get; }

    public StaticSite Site { get; }

    public ApplicationLoadBalancer LoadBalancer { get; }

    public ApplicationListener Listener { get; }

    public ApplicationTargetGroup WebTargets { get; }

    public Bucket AssetsBucket { get; }

    public Template Template { get; }
}
