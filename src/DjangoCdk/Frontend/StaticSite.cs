using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;

namespace DjangoCdk;

/// <summary>
/// A built single-page app (Vue, React) on S3 behind CloudFront: a private bucket read through Origin Access Control,
/// deep links answered with index.html by a CloudFront Function, fingerprinted files cached for a year and index.html
/// never, security headers, access logs, and optionally a custom domain, the Django API behind its load balancer
/// (locked to CloudFront) and Django's static and media bucket, all on one origin.
/// </summary>
public sealed class StaticSite : Construct
{
    /// <summary>The header CloudFront adds to every request it forwards to the load balancer, holding <see cref="OriginSecret"/>.</summary>
    public const string OriginVerifyHeaderName = Defaults.OriginVerifyHeader;

    /// <summary>Construct IDs: renaming one replaces the cloud resource, so they are stable API.</summary>
    internal static class Ids
    {
        public const string LogsBucket = "AccessLogs";
        public const string Bucket = "Bucket";
        public const string OriginAccessControl = "OriginAccessControl";
        public const string SpaRouting = "SpaRouting";
        public const string SecurityHeaders = "SecurityHeaders";
        public const string SpaSecurityHeaders = "SpaSecurityHeaders";
        public const string MediaCache = "MediaCache";
        public const string AssetsBucketReference = "AssetsBucketReference";
        public const string OriginSecret = "OriginSecret";
        public const string HostedZone = "HostedZone";
        public const string Certificate = "Certificate";
        public const string Distribution = "Distribution";
        public const string AliasRecord = "AliasRecord";
        public const string AliasRecordIpv6 = "AliasRecordIpv6";
        public const string DeployAssets = "DeployAssets";
        public const string DeploySite = "DeploySite";
        public const string CloudFrontOnlyRule = "CloudFrontOnly";
        public const string DenyDirectAccess = "DenyDirectAccess";
        public const string CloudFrontPrefixList = "CloudFrontPrefixList";
    }

    /// <summary>The role part of the account-wide CloudFront names (see <see cref="CloudFrontNames"/>).</summary>
    private static class NameRoles
    {
        public const string OriginAccessControl = "oac";
        public const string SecurityHeaders = "security-headers";
        public const string SpaSecurityHeaders = "spa-headers";
        public const string MediaCache = "media-cache";
    }

    private bool _restricted;

    /// <summary>Creates the site.</summary>
    public StaticSite(Construct scope, string id, StaticSiteProps props) : base(scope, id)
    {
        var settings = StaticSiteSettings.Resolve(props, ConstructSite.Of(this));
        AddWarnings(settings);

        (LogsBucket, Bucket, var originAccessControl) = CreateStorage(settings.AccessLogsBucket);
        (RoutingFunction, SecurityHeadersPolicy, var spaHeaders) = CreateEdgeLogic(settings.ContentSecurityPolicy);
        var domain = settings.Domain is { } siteDomain ? CreateTls(siteDomain) : null;
        Certificate = domain?.Certificate;
        Distribution = CreateDistribution(settings, domain, originAccessControl, spaHeaders);
        if (settings.Assets is { } assets) AddAssetsBucket(assets, originAccessControl);
        if (settings.LoadBalancer is { } loadBalancer) (OriginSecret, OriginVerifyCondition) = AddLoadBalancer(loadBalancer);
        if (domain is not null) CreateAliasRecords(domain);
        DomainName = settings.Domain?.Name ?? Distribution.DistributionDomainName;
        Url = "https://" + DomainName;
        if (settings.Dist.UploadPath is { } dist) (AssetsDeployment, SiteDeployment) = Deploy(dist, settings);
        SuppressDistributionFindings(settings);
        CreateOutputs();
    }

    /// <summary>The CloudFront distribution.</summary>
    public Distribution Distribution { get; }

    /// <summary>The private bucket holding the built app.</summary>
    public Bucket Bucket { get; }

    /// <summary>The bucket receiving CloudFront logs and the site bucket's S3 access logs.</summary>
    public IBucket LogsBucket { get; }

    /// <summary>The host name of the site: <see cref="StaticSiteProps.FrontendDomainName"/>, else the distribution's *.cloudfront.net name.</summary>
    public string DomainName { get; }

    /// <summary>The site's URL, <c>https://</c> and <see cref="DomainName"/>.</summary>
    public string Url { get; }

    /// <summary>The viewer certificate, when <see cref="StaticSiteProps.FrontendDomainName"/> is set.</summary>
    public ICertificate? Certificate { get; }

    /// <summary>The CloudFront Function that answers deep links with index.html.</summary>
    public CloudFrontFunction RoutingFunction { get; }

    /// <summary>The response headers policy (HSTS, nosniff, frame DENY, referrer policy) of every behaviour.</summary>
    public ResponseHeadersPolicy SecurityHeadersPolicy { get; }

    /// <summary>
    /// The generated value CloudFront sends in the <see cref="OriginVerifyHeaderName"/> header to the load balancer,
    /// when <see cref="StaticSiteProps.LoadBalancer"/> is set. Templates only hold a dynamic reference to it.
    /// </summary>
    public ISecret? OriginSecret { get; }

    /// <summary>
    /// The listener condition "the <see cref="OriginVerifyHeaderName"/> header holds <see cref="OriginSecret"/>", for
    /// listener rules of your own; <see cref="RestrictLoadBalancerToCloudFront"/> uses it.
    /// </summary>
    public ListenerCondition? OriginVerifyCondition { get; }

    /// <summary>The upload of the fingerprinted files, when <see cref="StaticSiteProps.PathToDist"/> exists.</summary>
    public BucketDeployment? AssetsDeployment { get; }

    /// <summary>The upload of index.html and the other unversioned files, which also invalidates the distribution.</summary>
    public BucketDeployment? SiteDeployment { get; }

    /// <summary>
    /// Makes <paramref name="listener"/> serve only requests that came through this distribution: a rule forwards
    /// requests carrying the secret origin header to <paramref name="targetGroups"/>, every other request gets 403
    /// (the listener's default action), and the load balancer's security group admits the listener port only from
    /// CloudFront's origin-facing addresses (the AWS-managed prefix list, resolved at deploy time).
    /// </summary>
    /// <param name="listener">The listener CloudFront reaches (443 with HTTPS, else 80). Create it with <c>Open = false</c> and no default action or targets.</param>
    /// <param name="targetGroups">Where Django runs (the web service's target group).</param>
    /// <param name="priority">The priority of the forwarding rule.</param>
    public void RestrictLoadBalancerToCloudFront(ApplicationListener listener, IApplicationTargetGroup[] targetGroups, double priority = 1)
    {
        if (OriginVerifyCondition is null)
            throw Errors.Missing(this, nameof(StaticSiteProps.LoadBalancer), "RestrictLoadBalancerToCloudFront admits requests that carry the distribution's secret origin header, which exists only when StaticSiteProps.LoadBalancer is set. Set LoadBalancer.");
        if (targetGroups is not { Length: > 0 })
            throw Errors.Missing(this, nameof(targetGroups), "Pass the target group of the Django web service, which the rule forwards CloudFront's requests to.");

        _restricted = true;
        listener.AddAction(Ids.CloudFrontOnlyRule, new AddApplicationActionProps
        {
            Priority = priority,
            Conditions = [OriginVerifyCondition],
            Action = ListenerAction.Forward(targetGroups),
        });
        listener.AddAction(Ids.DenyDirectAccess, new AddApplicationActionProps
        {
            Action = ListenerAction.FixedResponse(403, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "Forbidden" }),
        });

        var prefixListId = CloudFrontPrefixList.Lookup(listener, Ids.CloudFrontPrefixList);
        listener.Connections.AllowDefaultPortFrom(Peer.PrefixList(prefixListId), "From CloudFront origin-facing servers only");
        if (listener.Connections.SecurityGroups.Any(AdmitsEveryAddress))
        {
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteLoadBalancerOpen,
                "The load balancer's security group also admits every address (0.0.0.0/0), e.g. because the listener was created with Open = true (the CDK default), " +
                "so the CloudFront prefix-list rule adds nothing: anyone can still connect and get the 403. Create the listener with Open = false.");
        }
    }

    /// <summary>Whether a security group of this app has an inline ingress rule from anywhere.</summary>
    private static bool AdmitsEveryAddress(ISecurityGroup group)
    {
        if (group.Node.DefaultChild is not CfnSecurityGroup { SecurityGroupIngress: { } rules }) return false;
        var ingress = System.Text.Json.JsonSerializer.Serialize(Stack.Of(group).Resolve(rules));
        return ingress.Contains("0.0.0.0/0", StringComparison.Ordinal) || ingress.Contains("::/0", StringComparison.Ordinal);
    }

    /// <summary>Warns at synthesis when the load balancer was given but never locked to CloudFront.</summary>
    private sealed class RestrictionReminder(StaticSite site) : Amazon.JSII.Runtime.Deputy.DeputyBase, IValidation
    {
        public string[] Validate()
        {
            if (!site._restricted)
            {
                Annotations.Of(site).AddWarningV2(SynthesisWarnings.StaticSiteLoadBalancerNotRestricted,
                    "LoadBalancer is set but RestrictLoadBalancerToCloudFront was never called, so the load balancer still answers requests that bypass CloudFront " +
                    "(and its headers, logs and WAF). Call site.RestrictLoadBalancerToCloudFront(listener, [webTargetGroup]) on the listener CloudFront reaches.");
            }

            return [];
        }
    }

    /// <summary>The custom domain's zone and viewer certificate, built when <see cref="StaticSiteProps.FrontendDomainName"/> is set.</summary>
    private sealed record DomainResources(SiteDomain Domain, IHostedZone Zone, ICertificate Certificate);

    /// <summary>The warnings the settings alone decide: no domain, nothing (or no index.html) to upload, plain HTTP to the load balancer.</summary>
    private void AddWarnings(StaticSiteSettings settings)
    {
        var annotations = Annotations.Of(this);
        if (settings.Domain is null)
            annotations.AddWarningV2(SynthesisWarnings.StaticSiteNoDomain,
                "FrontendDomainName is not set: the site is served on its *.cloudfront.net name with CloudFront's default certificate, which also accepts TLS 1.0 clients. Set FrontendDomainName and ZoneName to serve it on your domain with TLS 1.2 or later.");

        var dist = settings.Dist;
        switch (dist.Status)
        {
            case DistStatus.NotSet:
                annotations.AddWarningV2(SynthesisWarnings.StaticSiteNoDist,
                    "PathToDist is not set, so nothing is uploaded: the site answers 403 until a build is copied to the bucket (aws s3 sync dist/ s3://<BucketName output>/). Set PathToDist to the built app's folder.");
                break;
            case DistStatus.NotFound:
                annotations.AddWarningV2(SynthesisWarnings.StaticSiteNoDist,
                    $"PathToDist is '{dist.Given}', but {dist.FullPath} does not exist (was the app built?). Nothing is uploaded and the site answers 403 until it is. Set RequirePathToDist to make this an error.");
                break;
            case DistStatus.NoIndex:
                annotations.AddWarningV2(SynthesisWarnings.StaticSiteNoIndex,
                    $"PathToDist '{dist.Given}' has no {Defaults.IndexDocument}; the folder is uploaded, but every page answers 403 until it has one.");
                break;
        }

        if (settings.LoadBalancer is { UsesHttps: false })
            annotations.AddWarningV2(SynthesisWarnings.StaticSiteLoadBalancerOverHttp,
                "CloudFront reaches the load balancer over plain HTTP, so API requests (cookies, passwords) cross the internet unencrypted between CloudFront and AWS's load balancer. " +
                "Give the load balancer an HTTPS listener with a certificate, and set LoadBalancerDomainName to a name it covers.");
    }

    /// <summary>The logs bucket (given or new), the site bucket, and the origin access control CloudFront signs its S3 requests with.</summary>
    private (IBucket Logs, Bucket Site, S3OriginAccessControl OriginAccessControl) CreateStorage(IBucket? accessLogsBucket)
    {
        var logs = accessLogsBucket ?? Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        var bucket = Buckets.CreateAssetsBucket(this, Ids.Bucket, bucketName: null, logs);
        var originAccessControl = new S3OriginAccessControl(this, Ids.OriginAccessControl, new S3OriginAccessControlProps
        {
            OriginAccessControlName = CloudFrontNames.For(this, NameRoles.OriginAccessControl, Defaults.OriginAccessControlNameMaxLength),
            Description = "Signs CloudFront's requests to the site and assets buckets (SigV4)",
            Signing = Signing.SIGV4_ALWAYS,
        });
        return (logs, bucket, originAccessControl);
    }

    /// <summary>The SPA routing function, the security headers of every behaviour, and the SPA's own (with its CSP) when one is given.</summary>
    private (CloudFrontFunction Routing, ResponseHeadersPolicy Headers, ResponseHeadersPolicy SpaHeaders) CreateEdgeLogic(string? contentSecurityPolicy)
    {
        var routing = new CloudFrontFunction(this, Ids.SpaRouting, new FunctionProps
        {
            Code = FunctionCode.FromInline(SpaRoutingFunction.Code),
            Runtime = FunctionRuntime.JS_2_0,
            Comment = SpaRoutingFunction.Comment,
        });
        var headers = NewSecurityHeadersPolicy(Ids.SecurityHeaders, NameRoles.SecurityHeaders, contentSecurityPolicy: null);
        var spaHeaders = contentSecurityPolicy is null
            ? headers
            : NewSecurityHeadersPolicy(Ids.SpaSecurityHeaders, NameRoles.SpaSecurityHeaders, contentSecurityPolicy);
        return (routing, headers, spaHeaders);
    }

    /// <summary>The hosted zone, and the given certificate or a new one validated through DNS in that zone.</summary>
    private DomainResources CreateTls(SiteDomain domain)
    {
        var zone = DomainSettings.HostedZone(this, Ids.HostedZone, domain.ZoneName, domain.HostedZoneId);
        var certificate = domain.CertificateArn is { } arn
            ? Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, Ids.Certificate, arn)
            : new Certificate(this, Ids.Certificate, new CertificateProps { DomainName = domain.Name, Validation = CertificateValidation.FromDns(zone) });
        return new DomainResources(domain, zone, certificate);
    }

    /// <summary>
    /// The distribution: the SPA is the default behaviour; the fingerprinted build output is cached for a year at the
    /// edge and in browsers, with no SPA rewrite, so a missing chunk fails loudly.
    /// </summary>
    private Distribution CreateDistribution(StaticSiteSettings settings, DomainResources? domain, IOriginAccessControl originAccessControl, IResponseHeadersPolicy spaHeaders)
    {
        var siteOrigin = S3BucketOrigin.WithOriginAccessControl(Bucket, new S3BucketOriginWithOACProps { OriginAccessControl = originAccessControl });
        var distribution = new Distribution(this, Ids.Distribution, new DistributionProps
        {
            Comment = Truncate("DjangoCdk StaticSite " + Node.Path, 128),
            DefaultBehavior = new BehaviorOptions
            {
                Origin = siteOrigin,
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                AllowedMethods = AllowedMethods.ALLOW_GET_HEAD,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
                Compress = true,
                ResponseHeadersPolicy = spaHeaders,
                FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = RoutingFunction }],
            },
            DefaultRootObject = Defaults.IndexDocument,
            DomainNames = domain is null ? null : [domain.Domain.Name],
            Certificate = domain?.Certificate,
            MinimumProtocolVersion = domain is null ? null : SecurityPolicyProtocol.TLS_V1_2_2021,
            SslSupportMethod = domain is null ? null : SSLMethod.SNI,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            EnableIpv6 = true,
            EnableLogging = true,
            LogBucket = LogsBucket,
            LogFilePrefix = Defaults.CloudFrontLogsPrefix,
            LogIncludesCookies = false,
            PriceClass = settings.PriceClass,
            WebAclId = settings.WebAclArn,
            GeoRestriction = settings.GeoRestriction,
        });
        distribution.AddBehavior(settings.FingerprintedPathPattern, siteOrigin, S3Behavior(CachePolicy.CACHING_OPTIMIZED, spaHeaders));
        return distribution;
    }

    /// <summary>
    /// /static/* (long caching) from Django's bucket, read through OAC; with public media also /media/* (short
    /// caching). Without it uploads stay private: no behaviour, no grant, and Django links them with signed S3 URLs.
    /// </summary>
    private void AddAssetsBucket(SiteAssets assets, IOriginAccessControl originAccessControl)
    {
        // The origin reads through a reference, so the CDK does not grant the whole bucket: GrantAssetsRead grants the
        // served prefixes only, and it can do so only on a bucket this stack owns.
        var reference = Amazon.CDK.AWS.S3.Bucket.FromBucketAttributes(this, Ids.AssetsBucketReference, new BucketAttributes
        {
            BucketArn = assets.Bucket.BucketArn,
            BucketName = assets.Bucket.BucketName,
            BucketRegionalDomainName = assets.Bucket.BucketRegionalDomainName,
        });
        Annotations.Of(this).AcknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
            "StaticSite adds a narrower statement (the served prefixes only) to the assets bucket itself, or warns when it cannot.");
        var origin = S3BucketOrigin.WithOriginAccessControl(reference, new S3BucketOriginWithOACProps { OriginAccessControl = originAccessControl });
        Distribution.AddBehavior(Defaults.StaticPathPattern, origin, S3Behavior(CachePolicy.CACHING_OPTIMIZED, SecurityHeadersPolicy));
        if (assets.PublicMedia) AddPublicMedia(origin);
        GrantAssetsRead(assets);
    }

    /// <summary>/media/* from Django's bucket, public and unsigned, cached briefly at the edge (uploads can be replaced under the same name).</summary>
    private void AddPublicMedia(IOrigin origin)
    {
        var mediaCache = new CachePolicy(this, Ids.MediaCache, new CachePolicyProps
        {
            CachePolicyName = CloudFrontNames.For(this, NameRoles.MediaCache, Defaults.PolicyNameMaxLength),
            Comment = "Django media: uploads may be replaced under the same name, so edges keep them briefly",
            DefaultTtl = Duration.Seconds(Defaults.MediaDefaultTtlSeconds),
            MinTtl = Duration.Seconds(0),
            MaxTtl = Duration.Seconds(Defaults.MediaMaxTtlSeconds),
            EnableAcceptEncodingGzip = true,
            EnableAcceptEncodingBrotli = true,
            HeaderBehavior = CacheHeaderBehavior.None(),
            CookieBehavior = CacheCookieBehavior.None(),
            QueryStringBehavior = CacheQueryStringBehavior.None(),
        });
        Distribution.AddBehavior(Defaults.MediaPathPattern, origin, S3Behavior(mediaCache, SecurityHeadersPolicy));
    }

    /// <summary>Lets this distribution read the served prefixes of a bucket of this stack; for any other bucket, says which statement to add by hand.</summary>
    private void GrantAssetsRead(SiteAssets assets)
    {
        var stack = Stack.Of(this);
        var prefixes = assets.PathPatterns.Select(p => p.TrimStart('/')).ToArray();
        if (assets.Bucket is Amazon.CDK.AWS.S3.Bucket && assets.Bucket.Stack.Node.Addr == stack.Node.Addr)
        {
            assets.Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = assets.PublicMedia ? "AllowCloudFrontReadStaticAndMedia" : "AllowCloudFrontReadStatic",
                Principals = [new ServicePrincipal("cloudfront.amazonaws.com")],
                Actions = ["s3:GetObject"],
                Resources = prefixes.Select(assets.Bucket.ArnForObjects).ToArray(),
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["AWS:SourceArn"] = DistributionArn(stack) },
                },
            }));
            return;
        }

        var resources = string.Join(" and ", prefixes.Select(p => $"arn:aws:s3:::<bucket>/{p}"));
        var paths = string.Join(" and ", assets.PathPatterns.Select(p => p.TrimEnd('*')));
        Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteAssetsBucketPolicy,
            "AssetsBucket is imported or belongs to another stack, so its bucket policy cannot be changed here (a cross-stack statement would make the stacks depend on each other). " +
            $"Add this statement to it by hand, or {paths} answer 403: Effect Allow, Principal {{\"Service\": \"cloudfront.amazonaws.com\"}}, Action s3:GetObject, " +
            $"Resource {resources}, Condition StringEquals AWS:SourceArn = arn:aws:cloudfront::<account>:distribution/<DistributionId output>.");
    }

    /// <summary>
    /// The Django API, admin and GraphQL: never cached, everything forwarded, locked to this distribution by a secret
    /// header. Returns the secret and the listener condition that checks it.
    /// </summary>
    private (ISecret Secret, ListenerCondition Condition) AddLoadBalancer(SiteLoadBalancer loadBalancer)
    {
        var secret = new Secret(this, Ids.OriginSecret, new SecretProps
        {
            Description = $"Value of the {OriginVerifyHeaderName} header CloudFront sends to the Django load balancer",
            GenerateSecretString = new SecretStringGenerator
            {
                PasswordLength = Defaults.OriginSecretLength,
                // ALB header conditions treat * and ? as wildcards: letters and digits only.
                ExcludePunctuation = true,
                IncludeSpace = false,
            },
        });
        NagSuppressions.Add(secret, new NagSuppression("AwsSolutions-SMG4",
            "CloudFront and the load balancer read this value only when CloudFormation updates them, so an automatic rotation would lock CloudFront out. Rotate by deploying a new value (see docs/static-site.md)."));

        // A dynamic reference: CloudFormation resolves it at deploy time; the template never holds the value.
        var value = secret.SecretValue.UnsafeUnwrap();
        var condition = ListenerCondition.HttpHeader(OriginVerifyHeaderName, [value]);
        var origin = new HttpOrigin(loadBalancer.DomainName ?? loadBalancer.LoadBalancer.LoadBalancerDnsName, new HttpOriginProps
        {
            ProtocolPolicy = loadBalancer.UsesHttps ? OriginProtocolPolicy.HTTPS_ONLY : OriginProtocolPolicy.HTTP_ONLY,
            OriginSslProtocols = [OriginSslPolicy.TLS_V1_2],
            CustomHeaders = new Dictionary<string, string> { [OriginVerifyHeaderName] = value },
        });
        foreach (var pattern in loadBalancer.ApiPathPatterns)
        {
            Distribution.AddBehavior(pattern, origin, new AddBehaviorOptions
            {
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                AllowedMethods = AllowedMethods.ALLOW_ALL,
                CachePolicy = CachePolicy.CACHING_DISABLED,
                // Every viewer header (Host included), cookie and query string, plus CloudFront-Forwarded-Proto:
                // the load balancer overwrites X-Forwarded-Proto with the scheme of the CloudFront-to-ALB hop.
                OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_AND_CLOUDFRONT_2022,
                ResponseHeadersPolicy = SecurityHeadersPolicy,
                Compress = true,
            });
        }

        Node.AddValidation(new RestrictionReminder(this));
        return (secret, condition);
    }

    /// <summary>A and AAAA alias records of the domain, pointing at the distribution.</summary>
    private void CreateAliasRecords(DomainResources domain)
    {
        var target = RecordTarget.FromAlias(new CloudFrontTarget(Distribution));
        _ = new ARecord(this, Ids.AliasRecord, new ARecordProps { Zone = domain.Zone, RecordName = domain.Domain.Name, Target = target });
        _ = new AaaaRecord(this, Ids.AliasRecordIpv6, new AaaaRecordProps { Zone = domain.Zone, RecordName = domain.Domain.Name, Target = target });
    }

    /// <summary>Two uploads: fingerprinted files first (immutable, never pruned), then the rest (no-cache, pruned) with an invalidation.</summary>
    private (BucketDeployment Assets, BucketDeployment Site) Deploy(string distPath, StaticSiteSettings settings)
    {
        var folder = settings.FingerprintedFolder;
        var source = Source.Asset(distPath);
        var assets = new BucketDeployment(this, Ids.DeployAssets, new BucketDeploymentProps
        {
            Sources = [source],
            DestinationBucket = Bucket,
            Exclude = ["*"],
            Include = [folder + "/*"],
            CacheControl = [Amazon.CDK.AWS.S3.Deployment.CacheControl.FromString(Defaults.FingerprintedCacheControl)],
            // Tabs opened before a deploy still load their old chunks; the bucket's lifecycle rule is not involved
            // because nothing is deleted. Old chunks stay until removed by hand.
            Prune = false,
            MemoryLimit = settings.DeploymentMemoryMiB,
        });
        var site = new BucketDeployment(this, Ids.DeploySite, new BucketDeploymentProps
        {
            Sources = [source],
            DestinationBucket = Bucket,
            Exclude = [folder + "/*"],
            CacheControl = [Amazon.CDK.AWS.S3.Deployment.CacheControl.FromString(Defaults.UnversionedCacheControl)],
            Prune = true,
            MemoryLimit = settings.DeploymentMemoryMiB,
            Distribution = Distribution,
            DistributionPaths = ["/*"],
        });
        // A new index.html must never reference chunks that are not uploaded yet.
        site.Node.AddDependency(assets);
        DeploymentFunction.Configure(this, Bucket);
        return (assets, site);
    }

    private void SuppressDistributionFindings(StaticSiteSettings settings)
    {
        var suppressions = new List<NagSuppression>();
        if (settings.GeoRestriction is null)
            suppressions.Add(new("AwsSolutions-CFR1", "The site is meant for every country; restrict it with the GeoRestriction prop when a business or legal reason requires it."));
        if (settings.WebAclArn is null)
            suppressions.Add(new("AwsSolutions-CFR2", "AWS WAF is opt-in (WebAclArn) because a web ACL costs at least 5 USD a month plus rules; the S3 origins are private (OAC) and RestrictLoadBalancerToCloudFront locks the load balancer to this distribution. Attach a web ACL for rate limiting and managed rule groups."));
        if (settings.Domain is null)
            suppressions.Add(new("AwsSolutions-CFR4", "Without FrontendDomainName the distribution must use CloudFront's default *.cloudfront.net certificate, whose minimum protocol cannot be raised; with a domain it uses TLSv1.2_2021. Synthesis warns about it."));
        if (settings.LoadBalancer is { UsesHttps: false })
            suppressions.Add(new("AwsSolutions-CFR5", "The load balancer has no certificate-backed domain (LoadBalancerDomainName), so CloudFront can only reach it over HTTP; synthesis warns and the docs explain how to switch to HTTPS."));
        if (suppressions.Count > 0) NagSuppressions.Add(Distribution, suppressions.ToArray());
    }

    private void CreateOutputs()
    {
        StackOutputs.Add(this, "Url", Url, "The single-page app");
        StackOutputs.Add(this, "DistributionId", Distribution.DistributionId, "CloudFront distribution of the app (for invalidations)");
        StackOutputs.Add(this, "BucketName", Bucket.BucketName, "Bucket holding the built app");
    }

    private BehaviorOptions S3Behavior(ICachePolicy cachePolicy, IResponseHeadersPolicy headers) => new()
    {
        ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        AllowedMethods = AllowedMethods.ALLOW_GET_HEAD,
        CachePolicy = cachePolicy,
        Compress = true,
        ResponseHeadersPolicy = headers,
    };

    private ResponseHeadersPolicy NewSecurityHeadersPolicy(string id, string nameRole, string? contentSecurityPolicy) =>
        new(this, id, new ResponseHeadersPolicyProps
        {
            ResponseHeadersPolicyName = CloudFrontNames.For(this, nameRole, Defaults.PolicyNameMaxLength),
            Comment = contentSecurityPolicy is null ? "Security headers of every response" : "Security headers and CSP of the single-page app",
            SecurityHeadersBehavior = new ResponseSecurityHeadersBehavior
            {
                StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity
                {
                    AccessControlMaxAge = Duration.Seconds(Defaults.HstsMaxAgeSeconds),
                    IncludeSubdomains = true,
                    Override = true,
                },
                ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = true },
                FrameOptions = new ResponseHeadersFrameOptions { FrameOption = HeadersFrameOption.DENY, Override = true },
                ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, Override = true },
                ContentSecurityPolicy = contentSecurityPolicy is null ? null : new ResponseHeadersContentSecurityPolicy { ContentSecurityPolicy = contentSecurityPolicy, Override = true },
            },
        });

    /// <summary>The distribution's ARN (Amazon.CDK.Lib 2.160 has no DistributionArn attribute yet).</summary>
    private string DistributionArn(Stack stack) => stack.FormatArn(new ArnComponents
    {
        Service = "cloudfront",
        Region = "",
        Resource = "distribution",
        ResourceName = Distribution.DistributionId,
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
