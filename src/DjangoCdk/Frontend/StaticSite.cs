using System.Globalization;
using System.Text.RegularExpressions;
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

    private static readonly Regex PathPatternChars = new(@"^/[A-Za-z0-9_\-.*$/~""'@:+&]*$", RegexOptions.CultureInvariant);
    private static readonly Regex FolderPattern = new(@"^/[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*/\*$", RegexOptions.CultureInvariant);
    private static readonly Regex HostName = new(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex WafV2GlobalArn = new(@"^arn:aws[a-zA-Z-]*:wafv2:us-east-1:\d{12}:global/webacl/[^/]+/[^/]+$", RegexOptions.CultureInvariant);

    private bool _restricted;

    /// <summary>Creates the site.</summary>
    public StaticSite(Construct scope, string id, StaticSiteProps props) : base(scope, id)
    {
        // Defaults.
        var stack = Stack.Of(this);
        var distPath = props.PathToDist is { Length: > 0 } dist ? Path.GetFullPath(dist) : null;
        var requireDist = props.RequirePathToDist ?? false;
        var domain = props.FrontendDomainName;
        var apiPatterns = props.ApiPathPatterns ?? (props.LoadBalancer is null ? [] : Defaults.ApiPathPatterns);
        var fingerprinted = props.FingerprintedPathPattern ?? Defaults.FingerprintedPathPattern;
        var loadBalancerHttps = props.LoadBalancerUsesHttps ?? props.LoadBalancerDomainName is not null;
        var memory = props.DeploymentMemoryMiB ?? Defaults.SiteDeploymentMemoryMiB;
        var priceClass = props.PriceClass ?? Amazon.CDK.AWS.CloudFront.PriceClass.PRICE_CLASS_100;
        var publicMedia = props.PublicMedia ?? Defaults.PublicMedia;

        // Validation.
        DomainSettings.Validate(this, domain, props.ZoneName, props.HostedZoneId, props.CertificateArn,
            nameof(StaticSiteProps.FrontendDomainName));
        ValidateCertificate(stack, domain, props.CertificateArn);
        ValidateLoadBalancer(props, loadBalancerHttps);
        if (props.PublicMedia is { } mediaFlag && props.AssetsBucket is null)
            throw Errors.Conflict(this, nameof(StaticSiteProps.PublicMedia), mediaFlag ? "true" : "false",
                "AssetsBucket is not set, so there are no Django uploads to serve. Set AssetsBucket to Django's static and media bucket, or remove PublicMedia.");
        ValidatePathPatterns(props, apiPatterns, fingerprinted, publicMedia);
        ValidateWebAcl(props.WebAclArn);
        if (memory < 128 || memory > 10240)
            throw Errors.OutOfRange(this, nameof(StaticSiteProps.DeploymentMemoryMiB), memory.ToString(CultureInfo.InvariantCulture), "Allowed: 128 to 10240 (Lambda's limits).");
        if (props.ContentSecurityPolicy is { } csp && string.IsNullOrWhiteSpace(csp))
            throw Errors.Invalid(this, nameof(StaticSiteProps.ContentSecurityPolicy), csp, "Give a policy such as \"default-src 'self'\", or leave it unset.");
        var upload = CheckDist(distPath, props.PathToDist, requireDist);

        // Storage: the site bucket, read only by this distribution.
        LogsBucket = props.AccessLogsBucket ?? Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        Bucket = Buckets.CreateAssetsBucket(this, Ids.Bucket, bucketName: null, LogsBucket);
        var originAccessControl = new S3OriginAccessControl(this, Ids.OriginAccessControl, new S3OriginAccessControlProps
        {
            OriginAccessControlName = CloudFrontNames.For(this, NameRoles.OriginAccessControl, Defaults.OriginAccessControlNameMaxLength),
            Description = "Signs CloudFront's requests to the site and assets buckets (SigV4)",
            Signing = Signing.SIGV4_ALWAYS,
        });
        var siteOrigin = S3BucketOrigin.WithOriginAccessControl(Bucket, new S3BucketOriginWithOACProps { OriginAccessControl = originAccessControl });

        // Edge logic: SPA routing and response headers.
        RoutingFunction = new CloudFrontFunction(this, Ids.SpaRouting, new FunctionProps
        {
            Code = FunctionCode.FromInline(SpaRoutingFunction.Code),
            Runtime = FunctionRuntime.JS_2_0,
            Comment = SpaRoutingFunction.Comment,
        });
        SecurityHeadersPolicy = NewSecurityHeadersPolicy(Ids.SecurityHeaders, NameRoles.SecurityHeaders, contentSecurityPolicy: null);
        var spaHeaders = props.ContentSecurityPolicy is null
            ? SecurityHeadersPolicy
            : NewSecurityHeadersPolicy(Ids.SpaSecurityHeaders, NameRoles.SpaSecurityHeaders, props.ContentSecurityPolicy);

        // TLS and DNS.
        IHostedZone? zone = null;
        if (domain is not null)
        {
            zone = DomainSettings.HostedZone(this, Ids.HostedZone, props.ZoneName!, props.HostedZoneId);
            Certificate = props.CertificateArn is not null
                ? Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, Ids.Certificate, props.CertificateArn)
                : new Certificate(this, Ids.Certificate, new CertificateProps { DomainName = domain, Validation = CertificateValidation.FromDns(zone) });
        }
        else
        {
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteNoDomain,
                "FrontendDomainName is not set: the site is served on its *.cloudfront.net name with CloudFront's default certificate, which also accepts TLS 1.0 clients. Set FrontendDomainName and ZoneName to serve it on your domain with TLS 1.2 or later.");
        }

        // The distribution: the SPA is the default behaviour.
        Distribution = new Distribution(this, Ids.Distribution, new DistributionProps
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
            DomainNames = domain is null ? null : [domain],
            Certificate = Certificate,
            MinimumProtocolVersion = Certificate is null ? null : SecurityPolicyProtocol.TLS_V1_2_2021,
            SslSupportMethod = Certificate is null ? null : SSLMethod.SNI,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            EnableIpv6 = true,
            EnableLogging = true,
            LogBucket = LogsBucket,
            LogFilePrefix = Defaults.CloudFrontLogsPrefix,
            LogIncludesCookies = false,
            PriceClass = priceClass,
            WebAclId = props.WebAclArn,
            GeoRestriction = props.GeoRestriction,
        });

        // Fingerprinted build output: cached for a year at the edge and in browsers; no SPA rewrite, so a missing chunk fails loudly.
        Distribution.AddBehavior(fingerprinted, siteOrigin, S3Behavior(CachePolicy.CACHING_OPTIMIZED, spaHeaders));

        // Django's static files, and its uploads when they are public.
        if (props.AssetsBucket is not null)
        {
            AddAssetsBucket(stack, props.AssetsBucket, originAccessControl, publicMedia);
        }

        // The Django API, admin and GraphQL: never cached, everything forwarded, locked to this distribution by a secret header.
        if (props.LoadBalancer is not null)
        {
            AddLoadBalancer(props, apiPatterns, loadBalancerHttps);
            Node.AddValidation(new RestrictionReminder(this));
        }

        if (zone is not null)
        {
            var target = RecordTarget.FromAlias(new CloudFrontTarget(Distribution));
            _ = new ARecord(this, Ids.AliasRecord, new ARecordProps { Zone = zone, RecordName = domain, Target = target });
            _ = new AaaaRecord(this, Ids.AliasRecordIpv6, new AaaaRecordProps { Zone = zone, RecordName = domain, Target = target });
        }

        DomainName = domain ?? Distribution.DistributionDomainName;
        Url = "https://" + DomainName;

        if (upload)
        {
            Deploy(distPath!, fingerprinted, memory);
        }

        SuppressDistributionFindings(props, domain, loadBalancerHttps);
        _ = new CfnOutput(this, "Url", new CfnOutputProps { Value = Url, Description = "The single-page app" });
        _ = new CfnOutput(this, "DistributionId", new CfnOutputProps { Value = Distribution.DistributionId, Description = "CloudFront distribution of the app (for invalidations)" });
        _ = new CfnOutput(this, "BucketName", new CfnOutputProps { Value = Bucket.BucketName, Description = "Bucket holding the built app" });
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
    public ISecret? OriginSecret { get; private set; }

    /// <summary>
    /// The listener condition "the <see cref="OriginVerifyHeaderName"/> header holds <see cref="OriginSecret"/>", for
    /// listener rules of your own; <see cref="RestrictLoadBalancerToCloudFront"/> uses it.
    /// </summary>
    public ListenerCondition? OriginVerifyCondition { get; private set; }

    /// <summary>The upload of the fingerprinted files, when <see cref="StaticSiteProps.PathToDist"/> exists.</summary>
    public BucketDeployment? AssetsDeployment { get; private set; }

    /// <summary>The upload of index.html and the other unversioned files, which also invalidates the distribution.</summary>
    public BucketDeployment? SiteDeployment { get; private set; }

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

    /// <summary>
    /// /static/* (long caching) from Django's bucket, read through OAC; with <paramref name="publicMedia"/> also /media/*
    /// (short caching). Without it uploads stay private: no behaviour, no grant, and Django links them with signed S3 URLs.
    /// </summary>
    private void AddAssetsBucket(Stack stack, IBucket assetsBucket, IOriginAccessControl originAccessControl, bool publicMedia)
    {
        // The origin reads through a reference, so the CDK does not grant the whole bucket: the statement below
        // grants the served prefixes only, and it can be added only to a bucket this stack owns.
        var reference = Amazon.CDK.AWS.S3.Bucket.FromBucketAttributes(this, Ids.AssetsBucketReference, new BucketAttributes
        {
            BucketArn = assetsBucket.BucketArn,
            BucketName = assetsBucket.BucketName,
            BucketRegionalDomainName = assetsBucket.BucketRegionalDomainName,
        });
        Annotations.Of(this).AcknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
            "StaticSite adds a narrower statement (the served prefixes only) to the assets bucket itself, or warns when it cannot.");
        var origin = S3BucketOrigin.WithOriginAccessControl(reference, new S3BucketOriginWithOACProps { OriginAccessControl = originAccessControl });
        Distribution.AddBehavior(Defaults.StaticPathPattern, origin, S3Behavior(CachePolicy.CACHING_OPTIMIZED, SecurityHeadersPolicy));
        var served = new List<string> { Defaults.StaticPathPattern };
        if (publicMedia)
        {
            AddPublicMedia(origin);
            served.Add(Defaults.MediaPathPattern);
        }

        var prefixes = served.Select(p => p.TrimStart('/')).ToArray();
        var owned = assetsBucket is Amazon.CDK.AWS.S3.Bucket && assetsBucket.Stack.Node.Addr == stack.Node.Addr;
        if (owned)
        {
            assetsBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = publicMedia ? "AllowCloudFrontReadStaticAndMedia" : "AllowCloudFrontReadStatic",
                Principals = [new ServicePrincipal("cloudfront.amazonaws.com")],
                Actions = ["s3:GetObject"],
                Resources = prefixes.Select(assetsBucket.ArnForObjects).ToArray(),
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["AWS:SourceArn"] = DistributionArn(stack) },
                },
            }));
        }
        else
        {
            var resources = string.Join(" and ", prefixes.Select(p => $"arn:aws:s3:::<bucket>/{p}"));
            var paths = string.Join(" and ", served.Select(p => p.TrimEnd('*')));
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteAssetsBucketPolicy,
                "AssetsBucket is imported or belongs to another stack, so its bucket policy cannot be changed here (a cross-stack statement would make the stacks depend on each other). " +
                $"Add this statement to it by hand, or {paths} answer 403: Effect Allow, Principal {{\"Service\": \"cloudfront.amazonaws.com\"}}, Action s3:GetObject, " +
                $"Resource {resources}, Condition StringEquals AWS:SourceArn = arn:aws:cloudfront::<account>:distribution/<DistributionId output>.");
        }
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

    /// <summary>The API behaviours, the secret origin header and the condition the load balancer checks.</summary>
    private void AddLoadBalancer(StaticSiteProps props, IReadOnlyList<string> apiPatterns, bool https)
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
        OriginSecret = secret;

        // A dynamic reference: CloudFormation resolves it at deploy time; the template never holds the value.
        var value = secret.SecretValue.UnsafeUnwrap();
        OriginVerifyCondition = ListenerCondition.HttpHeader(OriginVerifyHeaderName, [value]);

        var host = props.LoadBalancerDomainName ?? props.LoadBalancer!.LoadBalancerDnsName;
        if (!https)
        {
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteLoadBalancerOverHttp,
                "CloudFront reaches the load balancer over plain HTTP, so API requests (cookies, passwords) cross the internet unencrypted between CloudFront and AWS's load balancer. " +
                "Give the load balancer an HTTPS listener with a certificate, and set LoadBalancerDomainName to a name it covers.");
        }

        var origin = new HttpOrigin(host, new HttpOriginProps
        {
            ProtocolPolicy = https ? OriginProtocolPolicy.HTTPS_ONLY : OriginProtocolPolicy.HTTP_ONLY,
            OriginSslProtocols = [OriginSslPolicy.TLS_V1_2],
            CustomHeaders = new Dictionary<string, string> { [OriginVerifyHeaderName] = value },
        });
        foreach (var pattern in apiPatterns)
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
    }

    /// <summary>Two uploads: fingerprinted files first (immutable, never pruned), then the rest (no-cache, pruned) with an invalidation.</summary>
    private void Deploy(string distPath, string fingerprinted, int memory)
    {
        var folder = fingerprinted.TrimStart('/')[..^2];
        var source = Source.Asset(distPath);
        AssetsDeployment = new BucketDeployment(this, Ids.DeployAssets, new BucketDeploymentProps
        {
            Sources = [source],
            DestinationBucket = Bucket,
            Exclude = ["*"],
            Include = [folder + "/*"],
            CacheControl = [Amazon.CDK.AWS.S3.Deployment.CacheControl.FromString(Defaults.FingerprintedCacheControl)],
            // Tabs opened before a deploy still load their old chunks; the bucket's lifecycle rule is not involved
            // because nothing is deleted. Old chunks stay until removed by hand.
            Prune = false,
            MemoryLimit = memory,
        });
        SiteDeployment = new BucketDeployment(this, Ids.DeploySite, new BucketDeploymentProps
        {
            Sources = [source],
            DestinationBucket = Bucket,
            Exclude = [folder + "/*"],
            CacheControl = [Amazon.CDK.AWS.S3.Deployment.CacheControl.FromString(Defaults.UnversionedCacheControl)],
            Prune = true,
            MemoryLimit = memory,
            Distribution = Distribution,
            DistributionPaths = ["/*"],
        });
        // A new index.html must never reference chunks that are not uploaded yet.
        SiteDeployment.Node.AddDependency(AssetsDeployment);
        DeploymentFunction.Configure(this, Bucket);
    }

    private void SuppressDistributionFindings(StaticSiteProps props, string? domain, bool loadBalancerHttps)
    {
        var suppressions = new List<NagSuppression>();
        if (props.GeoRestriction is null)
            suppressions.Add(new("AwsSolutions-CFR1", "The site is meant for every country; restrict it with the GeoRestriction prop when a business or legal reason requires it."));
        if (props.WebAclArn is null)
            suppressions.Add(new("AwsSolutions-CFR2", "AWS WAF is opt-in (WebAclArn) because a web ACL costs at least 5 USD a month plus rules; the S3 origins are private (OAC) and RestrictLoadBalancerToCloudFront locks the load balancer to this distribution. Attach a web ACL for rate limiting and managed rule groups."));
        if (domain is null)
            suppressions.Add(new("AwsSolutions-CFR4", "Without FrontendDomainName the distribution must use CloudFront's default *.cloudfront.net certificate, whose minimum protocol cannot be raised; with a domain it uses TLSv1.2_2021. Synthesis warns about it."));
        if (props.LoadBalancer is not null && !loadBalancerHttps)
            suppressions.Add(new("AwsSolutions-CFR5", "The load balancer has no certificate-backed domain (LoadBalancerDomainName), so CloudFront can only reach it over HTTP; synthesis warns and the docs explain how to switch to HTTPS."));
        if (suppressions.Count > 0) NagSuppressions.Add(Distribution, suppressions.ToArray());
    }

    private void ValidateCertificate(Stack stack, string? domain, string? certificateArn)
    {
        if (domain is null) return;
        var request = $"aws acm request-certificate --region {Defaults.CloudFrontCertificateRegion} --domain-name {domain} --validation-method DNS";
        if (certificateArn is not null)
        {
            if (Token.IsUnresolved(certificateArn)) return;
            var region = DomainSettings.CertificateArnPattern.Match(certificateArn).Groups["region"].Value;
            if (region != Defaults.CloudFrontCertificateRegion)
                throw Errors.Invalid(this, DomainSettings.CertificateArnProp, certificateArn,
                    $"The certificate is in '{region}', but CloudFront only uses ACM certificates from {Defaults.CloudFrontCertificateRegion}, whatever the stack's region. Request one there ({request}), validate it, and pass its ARN.");
            return;
        }

        if (Token.IsUnresolved(stack.Region) || stack.Region != Defaults.CloudFrontCertificateRegion)
        {
            var where = Token.IsUnresolved(stack.Region) ? "has no fixed region (no Env)" : $"is in {stack.Region}";
            throw Errors.Missing(this, DomainSettings.CertificateArnProp,
                $"CloudFront only uses certificates from {Defaults.CloudFrontCertificateRegion} and this stack {where}, so the construct cannot create one for '{domain}' here. " +
                $"Either request one ({request}), add the CNAME record it asks for to the zone, and pass its ARN as CertificateArn; " +
                $"or deploy this stack in {Defaults.CloudFrontCertificateRegion} (Env Region = \"{Defaults.CloudFrontCertificateRegion}\") to have the certificate created and validated for you.");
        }
    }

    private void ValidateLoadBalancer(StaticSiteProps props, bool https)
    {
        if (props.LoadBalancer is null)
        {
            if (props.LoadBalancerDomainName is not null)
                throw Errors.Conflict(this, nameof(StaticSiteProps.LoadBalancerDomainName), props.LoadBalancerDomainName, "LoadBalancer is not set, so no requests go to a load balancer. Set LoadBalancer, or remove LoadBalancerDomainName.");
            if (props.LoadBalancerUsesHttps is not null)
                throw Errors.Conflict(this, nameof(StaticSiteProps.LoadBalancerUsesHttps), props.LoadBalancerUsesHttps.Value ? "true" : "false", "LoadBalancer is not set. Set LoadBalancer, or remove LoadBalancerUsesHttps.");
            if (props.ApiPathPatterns is not null)
                throw Errors.Conflict(this, nameof(StaticSiteProps.ApiPathPatterns), props.ApiPathPatterns, "LoadBalancer is not set, so these paths would have nowhere to go. Set LoadBalancer (the Django ALB), or remove ApiPathPatterns.");
            return;
        }

        if (props.LoadBalancerDomainName is { } name && !Token.IsUnresolved(name) && !HostName.IsMatch(name))
            throw Errors.Invalid(this, nameof(StaticSiteProps.LoadBalancerDomainName), name, "Give a host name such as 'api.example.com' that resolves to the load balancer.");
        if (https && props.LoadBalancerDomainName is null)
            throw Errors.Conflict(this, nameof(StaticSiteProps.LoadBalancerUsesHttps), "true",
                "LoadBalancerDomainName is not set. A certificate names a domain, never the load balancer's generated DNS name, so CloudFront's TLS check would fail (502). " +
                "Set LoadBalancerDomainName to a name that resolves to the load balancer and that its certificate covers, or set LoadBalancerUsesHttps to false.");
    }

    private void ValidatePathPatterns(StaticSiteProps props, IReadOnlyList<string> apiPatterns, string fingerprinted, bool publicMedia)
    {
        const string fingerprintedProp = nameof(StaticSiteProps.FingerprintedPathPattern);
        const string apiProp = nameof(StaticSiteProps.ApiPathPatterns);
        if (!FolderPattern.IsMatch(fingerprinted))
            throw Errors.Invalid(this, fingerprintedProp, fingerprinted, "It must name one folder of the build followed by '/*', e.g. '/assets/*' (Vite) or '/js/*'.");

        var reserved = new List<(string Pattern, string Owner)> { (fingerprinted, fingerprintedProp) };
        if (props.AssetsBucket is not null)
        {
            // Only what AssetsBucket serves is reserved: with private media, /media/* may go to Django.
            var served = publicMedia ? new[] { Defaults.StaticPathPattern, Defaults.MediaPathPattern } : new[] { Defaults.StaticPathPattern };
            foreach (var django in served)
            {
                if (Overlaps(fingerprinted, django))
                    throw Errors.Conflict(this, fingerprintedProp, fingerprinted, $"it overlaps '{django}', which AssetsBucket serves (Django's STATIC_URL or MEDIA_URL). Configure the build to emit its hashed files in another folder (Vite: build.assetsDir) and set {fingerprintedProp} to match.");
                reserved.Add((django, nameof(StaticSiteProps.AssetsBucket)));
            }
        }

        if (props.ApiPathPatterns is { Length: 0 })
            throw Errors.Invalid(this, apiProp, props.ApiPathPatterns, "Give at least one pattern such as '/api/*', or leave ApiPathPatterns unset for the defaults.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in apiPatterns)
        {
            if (string.IsNullOrEmpty(pattern) || !pattern.StartsWith('/'))
                throw Errors.Invalid(this, apiProp, pattern, "Each path pattern must start with '/', e.g. '/api/*'.");
            if (pattern.Length > 255 || !PathPatternChars.IsMatch(pattern))
                throw Errors.Invalid(this, apiProp, pattern, "CloudFront path patterns hold at most 255 of: letters, digits, _ - . * $ / ~ \" ' @ : + &.");
            if (!seen.Add(pattern))
                throw Errors.Conflict(this, apiProp, pattern, "it is listed twice; list each pattern once.");
            foreach (var (other, owner) in reserved)
            {
                if (Overlaps(pattern, other))
                    throw Errors.Conflict(this, apiProp, pattern, $"it overlaps '{other}' ({owner}), so CloudFront would send some of those requests to the wrong origin. Use a pattern that does not match paths under '{other.TrimEnd('*')}'.");
            }
        }
    }

    private void ValidateWebAcl(string? webAclArn)
    {
        if (webAclArn is null || Token.IsUnresolved(webAclArn)) return;
        if (!WafV2GlobalArn.IsMatch(webAclArn))
            throw Errors.Invalid(this, nameof(StaticSiteProps.WebAclArn), webAclArn,
                "Expected the ARN of an AWS WAF (v2) web ACL with scope CLOUDFRONT, which lives in us-east-1: arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>.");
    }

    /// <summary>Whether the dist folder is uploaded; a missing folder is an error or a warning.</summary>
    private bool CheckDist(string? fullPath, string? given, bool required)
    {
        const string prop = nameof(StaticSiteProps.PathToDist);
        if (fullPath is null)
        {
            if (required)
                throw Errors.Missing(this, prop, "RequirePathToDist is true: pass the folder of the built app, e.g. \"frontend/dist\" (run npm run build first).");
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteNoDist,
                "PathToDist is not set, so nothing is uploaded: the site answers 403 until a build is copied to the bucket (aws s3 sync dist/ s3://<BucketName output>/). Set PathToDist to the built app's folder.");
            return false;
        }

        if (!Directory.Exists(fullPath))
        {
            if (required)
                throw Errors.NotFound(this, prop, given!, $"the directory {fullPath}");
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteNoDist,
                $"PathToDist is '{given}', but {fullPath} does not exist (was the app built?). Nothing is uploaded and the site answers 403 until it is. Set RequirePathToDist to make this an error.");
            return false;
        }

        if (!File.Exists(Path.Combine(fullPath, Defaults.IndexDocument)))
        {
            if (required)
                throw Errors.NotFound(this, prop, given!, $"{Path.Combine(fullPath, Defaults.IndexDocument)} (a built single-page app has one)");
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.StaticSiteNoIndex,
                $"PathToDist '{given}' has no {Defaults.IndexDocument}; the folder is uploaded, but every page answers 403 until it has one.");
        }

        return true;
    }

    /// <summary>Two path patterns overlap when the literal part of one (before any wildcard) starts with the other's.</summary>
    internal static bool Overlaps(string a, string b)
    {
        var pa = LiteralPrefix(a);
        var pb = LiteralPrefix(b);
        return pa.StartsWith(pb, StringComparison.Ordinal) || pb.StartsWith(pa, StringComparison.Ordinal);
    }

    private static string LiteralPrefix(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?']);
        return wildcard < 0 ? pattern : pattern[..wildcard];
    }

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
