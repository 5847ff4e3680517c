using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.S3;

namespace DjangoCdk;

/// <summary>Properties of <see cref="StaticSite"/>.</summary>
public sealed record StaticSiteProps
{
    /// <summary>The folder of the built single-page app (Vite's or Vue CLI's <c>dist/</c>), holding index.html.</summary>
    /// <remarks>Default: none; nothing is uploaded and synthesis warns (an error with <see cref="RequirePathToDist"/>). Relative paths are resolved from the current directory. Each deploy uploads it and invalidates the distribution.</remarks>
    public string? PathToDist { get; init; }

    /// <summary>Makes a missing <see cref="PathToDist"/> (or a folder without index.html) an error instead of a warning.</summary>
    /// <remarks>Default: false. Set it in CI so a forgotten <c>npm run build</c> fails the deployment.</remarks>
    public bool? RequirePathToDist { get; init; }

    /// <summary>The domain name of the frontend, e.g. "app.example.com". Needs <see cref="ZoneName"/>.</summary>
    /// <remarks>Default: no domain; the site is served on the distribution's *.cloudfront.net name with CloudFront's default certificate (a warning says so).</remarks>
    public string? FrontendDomainName { get; init; }

    /// <summary>The Route 53 public hosted zone that holds <see cref="FrontendDomainName"/>, e.g. "example.com".</summary>
    /// <remarks>Default: none; required with <see cref="FrontendDomainName"/>. A and AAAA alias records are created in it.</remarks>
    public string? ZoneName { get; init; }

    /// <summary>The ID of the hosted zone named <see cref="ZoneName"/>; skips the hosted-zone lookup.</summary>
    /// <remarks>Default: the zone is looked up by name at synth time, which needs the stack's account and region.</remarks>
    public string? HostedZoneId { get; init; }

    /// <summary>The ARN of an ACM certificate in us-east-1 covering <see cref="FrontendDomainName"/>.</summary>
    /// <remarks>Default: when the stack is in us-east-1, a new certificate validated through DNS in the hosted zone; in any other region (or a region-agnostic stack) this prop is required, because CloudFront only uses certificates from us-east-1.</remarks>
    public string? CertificateArn { get; init; }

    /// <summary>The Application Load Balancer of the Django site; <see cref="ApiPathPatterns"/> are forwarded to it.</summary>
    /// <remarks>Default: none; the distribution serves only the SPA (and <see cref="AssetsBucket"/>). Lock the load balancer to CloudFront with <see cref="StaticSite.RestrictLoadBalancerToCloudFront"/>.</remarks>
    public IApplicationLoadBalancer? LoadBalancer { get; init; }

    /// <summary>A domain name that resolves to <see cref="LoadBalancer"/> and that its HTTPS certificate covers, e.g. "api.example.com".</summary>
    /// <remarks>Default: none; CloudFront reaches the load balancer on its own DNS name over HTTP (a warning says so), because no certificate can name an ALB's generated DNS name.</remarks>
    public string? LoadBalancerDomainName { get; init; }

    /// <summary>Whether CloudFront reaches the load balancer over HTTPS (port 443, TLS 1.2) rather than HTTP (port 80).</summary>
    /// <remarks>Default: true when <see cref="LoadBalancerDomainName"/> is given, else false. HTTPS requires <see cref="LoadBalancerDomainName"/>. Because the viewer's Host header is forwarded, the load balancer's certificate must also cover <see cref="FrontendDomainName"/>.</remarks>
    public bool? LoadBalancerUsesHttps { get; init; }

    /// <summary>The path patterns forwarded to <see cref="LoadBalancer"/>, uncached, with every header, cookie and query string.</summary>
    /// <remarks>Default: ["/api/*", "/admin/*", "/graphql*"]; "/graphql*" also matches "/graphql" without a trailing slash (Graphene's default URL). Each starts with '/'; none may overlap the fingerprinted-asset path or the paths <see cref="AssetsBucket"/> serves (/static/, and /media/ with <see cref="PublicMedia"/>). Only with <see cref="LoadBalancer"/>.</remarks>
    public string[]? ApiPathPatterns { get; init; }

    /// <summary>Django's static and media bucket; /static/* is served from it through Origin Access Control (and /media/* with <see cref="PublicMedia"/>).</summary>
    /// <remarks>Default: none. A bucket of the same stack gets the read statement in its policy automatically; for any other bucket synthesis warns and the statement must be added by hand (see docs/static-site.md).</remarks>
    public IBucket? AssetsBucket { get; init; }

    /// <summary>Whether Django's uploads (/media/*) are served publicly, unsigned and cached at the edge, from <see cref="AssetsBucket"/>.</summary>
    /// <remarks>Default: false; uploads stay private: the distribution has no /media/* behaviour, the bucket policy lets CloudFront read static/* only, and Django links uploads with signed S3 URLs that expire. True adds /media/* (60 s default TTL, 1 day max) and grants CloudFront media/* too. Only with <see cref="AssetsBucket"/>.</remarks>
    public bool? PublicMedia { get; init; }

    /// <summary>The path pattern of the build's fingerprinted files (names that change with their content), cached for a year.</summary>
    /// <remarks>Default: "/assets/*" (Vite). Use "/js/*"-style folders for other tools; a single folder of the form "/folder/*". Files under it are uploaded with "Cache-Control: public, max-age=31536000, immutable" and never pruned, so open tabs keep loading their chunks after a deploy.</remarks>
    public string? FingerprintedPathPattern { get; init; }

    /// <summary>The CloudFront price class: which edge locations serve the site.</summary>
    /// <remarks>Default: <see cref="PriceClass.PRICE_CLASS_100"/> (North America and Europe; cheapest).</remarks>
    public PriceClass? PriceClass { get; init; }

    /// <summary>The ARN of an AWS WAF web ACL (scope CLOUDFRONT, so in us-east-1) to attach to the distribution.</summary>
    /// <remarks>Default: none; WAF costs at least 5 USD a month plus rules, so it is opt-in (the cdk-nag finding is suppressed with that reason).</remarks>
    public string? WebAclArn { get; init; }

    /// <summary>Countries the distribution serves or refuses.</summary>
    /// <remarks>Default: no geographic restriction.</remarks>
    public GeoRestriction? GeoRestriction { get; init; }

    /// <summary>A Content-Security-Policy header for the SPA's responses, e.g. "default-src 'self'; connect-src 'self'".</summary>
    /// <remarks>Default: none (a CSP depends on what the app loads). It applies to the SPA only, not to Django's responses.</remarks>
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>The bucket receiving CloudFront standard logs (and the site bucket's S3 access logs); it must have ACLs enabled.</summary>
    /// <remarks>Default: a new private, encrypted logs bucket with ObjectOwnership BUCKET_OWNER_PREFERRED, kept on stack deletion, expiring logs after a year.</remarks>
    public IBucket? AccessLogsBucket { get; init; }

    /// <summary>Memory of the Lambda function that uploads <see cref="PathToDist"/>, in MiB (128 to 10240).</summary>
    /// <remarks>Default: 512. The function unzips the build and runs <c>aws s3 sync</c>; raise it for builds of hundreds of MB.</remarks>
    public int? DeploymentMemoryMiB { get; init; }
}
