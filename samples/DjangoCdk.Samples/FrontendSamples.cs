using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>Sample apps of <see cref="StaticSite"/>: a built single-page app on S3 and CloudFront.</summary>
public static class FrontendSamples
{
    private const string StaticSiteCertificateRegion = "us-east-1";

    /// <summary>The built-SPA fixture (samples/frontend/dist), searched upwards from the current directory.</summary>
    public static string FindDist()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "frontend", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
        }

        throw new DirectoryNotFoundException($"samples/frontend/dist/index.html was not found above {Directory.GetCurrentDirectory()}; run the samples from inside the DjangoCdk repository.");
    }

    /// <summary>StaticSite with nothing but the build: served on its *.cloudfront.net name.</summary>
    public static Stack StaticSiteMinimal(Construct scope, string id, IEnvironment env, string distPath)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: StaticSite with defaults" });
        _ = new StaticSite(stack, "Frontend", new StaticSiteProps { PathToDist = distPath });
        return stack;
    }

    /// <summary>
    /// StaticSite with every option on: app.example.com (certificate created when the stack is in us-east-1), the
    /// Django API behind a load balancer locked to CloudFront, and Django's static and media bucket. The VPC, load
    /// balancer and bucket stand in for what DjangoEcs (or DjangoVue) creates: this is the wiring they follow.
    /// </summary>
    public static Stack StaticSiteComplete(Construct scope, string id, IEnvironment env, string distPath)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: StaticSite with every option" });
        const string zoneName = "example.com";
        const string apiDomain = "api.example.com";
        const string appDomain = "app.example.com";
        var zone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { ZoneName = zoneName, HostedZoneId = "Z0123456789EXAMPLE" });

        // One logs bucket for CloudFront, the load balancer and both buckets' S3 access logs (ACLs on: CloudFront needs them).
        var logs = new Bucket(stack, "AccessLogs", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(365) }],
        });
        SuppressNag(logs, "AwsSolutions-S1", "This bucket is the access-log destination itself; logging its own access would write logs about logs in a loop.");

        // Stand-in for Django's static and media bucket.
        var assets = new Bucket(stack, "StaticFiles", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            ServerAccessLogsBucket = logs,
            ServerAccessLogsPrefix = "s3/StaticFiles/",
        });

        // Stand-in for Django's load balancer: HTTPS on api.example.com. Its certificate also names app.example.com,
        // because CloudFront forwards the viewer's Host header and checks the certificate against it.
        var vpc = new Vpc(stack, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 }],
        });
        vpc.AddFlowLog("FlowLog");
        var loadBalancer = new ApplicationLoadBalancer(stack, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = vpc,
            InternetFacing = true,
            DropInvalidHeaderFields = true,
        });
        loadBalancer.LogAccessLogs(logs, "alb");
        var apiCertificate = new Certificate(stack, "ApiCertificate", new CertificateProps
        {
            DomainName = apiDomain,
            SubjectAlternativeNames = [appDomain],
            Validation = CertificateValidation.FromDns(zone),
        });
        var listener = loadBalancer.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromCertificateManager(apiCertificate)],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Open = false,
        });
        var web = new ApplicationTargetGroup(stack, "Web", new ApplicationTargetGroupProps
        {
            Vpc = vpc,
            Port = 8000,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck { Path = "/api/health-check/" },
        });
        _ = new ARecord(stack, "ApiRecord", new ARecordProps
        {
            Zone = zone,
            RecordName = apiDomain,
            Target = RecordTarget.FromAlias(new LoadBalancerTarget(loadBalancer)),
        });

        // CloudFront only uses certificates from us-east-1: there the site creates one; elsewhere, pass yours.
        var certificateArn = env.Region == StaticSiteCertificateRegion
            ? null
            : $"arn:aws:acm:{StaticSiteCertificateRegion}:{env.Account ?? "123456789012"}:certificate/11111111-2222-3333-4444-555555555555";
        var site = new StaticSite(stack, "Frontend", new StaticSiteProps
        {
            PathToDist = distPath,
            RequirePathToDist = true,
            FrontendDomainName = appDomain,
            ZoneName = zoneName,
            HostedZoneId = zone.HostedZoneId,
            CertificateArn = certificateArn,
            LoadBalancer = loadBalancer,
            LoadBalancerDomainName = apiDomain,
            AssetsBucket = assets,
            AccessLogsBucket = logs,
            PriceClass = PriceClass.PRICE_CLASS_ALL,
            GeoRestriction = GeoRestriction.Denylist("KP"),
            ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
        });

        // Only requests that came through the distribution reach Django; everything else gets 403.
        site.RestrictLoadBalancerToCloudFront(listener, [web]);
        return stack;
    }

    private static void SuppressNag(IConstruct construct, string rule, string reason)
    {
        var resource = (CfnResource)construct.Node.DefaultChild!;
        resource.AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = new object[] { new Dictionary<string, object> { ["id"] = rule, ["reason"] = reason } },
        });
    }
}
