namespace DjangoCdk;

/// <summary>
/// Properties of <see cref="DjangoVue"/>: the site's one domain, and the options of its two parts nested as their own
/// props, so every <see cref="DjangoEcs"/> and <see cref="StaticSite"/> option is reachable. The options that tie the
/// parts together (domains, certificates, the load balancer's lock-down, the shared buckets) belong to DjangoVue and
/// are rejected when set in <see cref="Django"/> or <see cref="Frontend"/>.
/// </summary>
public sealed record DjangoVueProps
{
    /// <summary>The one domain of the site, e.g. "app.example.com": the SPA, and Django under the API paths.</summary>
    /// <remarks>Required; must be <see cref="ZoneName"/> or a subdomain of it.</remarks>
    public required string DomainName { get; init; }

    /// <summary>The Route 53 public hosted zone that holds <see cref="DomainName"/>, e.g. "example.com".</summary>
    /// <remarks>Required.</remarks>
    public required string ZoneName { get; init; }

    /// <summary>The ID of the hosted zone named <see cref="ZoneName"/>; skips the hosted-zone lookup.</summary>
    /// <remarks>Default: the zone is looked up by name at synth time, which needs the stack's account and region.</remarks>
    public string? HostedZoneId { get; init; }

    /// <summary>The ARN of an ACM certificate in us-east-1 covering <see cref="DomainName"/>, for CloudFront.</summary>
    /// <remarks>Default: created and DNS-validated when the stack is in us-east-1; required in any other region (CloudFront only uses us-east-1 certificates).</remarks>
    public string? CertificateArn { get; init; }

    /// <summary>The name CloudFront reaches the load balancer on, over HTTPS; it gets an alias record and the load balancer's certificate.</summary>
    /// <remarks>Default: "origin." + <see cref="DomainName"/>. Requests to it that do not come through CloudFront get 403.</remarks>
    public string? LoadBalancerDomainName { get; init; }

    /// <summary>Whether Django's uploads are served publicly from the site's domain under /media/, unsigned and cached at the edge.</summary>
    /// <remarks>Default: false; uploads stay private and Django links them with signed S3 URLs that expire (MEDIA_DOMAIN is empty). True routes /media/* through CloudFront and sets MEDIA_DOMAIN to <see cref="DomainName"/>; use it only when every upload may be public, e.g. images.</remarks>
    public bool? PublicMedia { get; init; }

    /// <summary>
    /// The Django application: every <see cref="DjangoEcsProps"/> option (image, processes, sizes, data stores,
    /// environment), except the ones DjangoVue sets itself: <c>ApiDomainName</c>, <c>ZoneName</c>, <c>HostedZoneId</c>,
    /// <c>CertificateArn</c>, <c>CertificateAlternativeNames</c>, <c>OpenLoadBalancer</c>, <c>FrontendUrl</c>,
    /// <c>AssetsDomainName</c> and <c>MediaDomainName</c>.
    /// </summary>
    /// <remarks>Required (at least <c>ImageDirectory</c>). <c>ExtraAllowedHosts</c> and <c>ExtraCsrfTrustedOrigins</c> are added to the site's own.</remarks>
    public required DjangoEcsProps Django { get; init; }

    /// <summary>
    /// The single-page app and the distribution: every <see cref="StaticSiteProps"/> option (build folder, API paths,
    /// edge options), except the ones DjangoVue sets itself: <c>FrontendDomainName</c>, <c>ZoneName</c>,
    /// <c>HostedZoneId</c>, <c>CertificateArn</c>, <c>LoadBalancer</c>, <c>LoadBalancerDomainName</c>,
    /// <c>LoadBalancerUsesHttps</c>, <c>AssetsBucket</c>, <c>AccessLogsBucket</c> and <c>PublicMedia</c>.
    /// </summary>
    /// <remarks>Default: StaticSite's defaults; no build is uploaded until <c>PathToDist</c> is set (synthesis warns).</remarks>
    public StaticSiteProps? Frontend { get; init; }
}
