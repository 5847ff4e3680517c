using Amazon.CDK.AWS.Logs;

namespace DjangoCdk;

/// <summary>The defaults of <see cref="StaticSite"/>; docs/static-site.md documents the same values.</summary>
internal static partial class Defaults
{
    /// <summary>CloudFront only accepts viewer certificates from ACM in this region.</summary>
    public const string CloudFrontCertificateRegion = "us-east-1";

    /// <summary>
    /// Django's API, its admin and GraphQL. "/graphql*" matches "/graphql" (Graphene's default URL, no trailing slash)
    /// as well as "/graphql/": in CloudFront path patterns "*" matches zero or more characters.
    /// </summary>
    public static readonly string[] ApiPathPatterns = ["/api/*", "/admin/*", "/graphql*"];

    /// <summary>Vite's output folder for content-hashed files (build.assetsDir).</summary>
    public const string FingerprintedPathPattern = "/assets/*";

    /// <summary>Django's STATIC_URL and MEDIA_URL; django-storages writes under the same key prefixes.</summary>
    public const string StaticPathPattern = "/static/*";
    public const string MediaPathPattern = "/media/*";

    public const string IndexDocument = "index.html";
    public const string CloudFrontLogsPrefix = "cloudfront/";
    public const int SiteDeploymentMemoryMiB = 512;

    /// <summary>How long the upload function's logs are kept (the project's convention for function logs).</summary>
    public const RetentionDays DeploymentLogRetention = RetentionDays.ONE_MONTH;

    /// <summary>Django's uploads are private (signed S3 URLs) unless PublicMedia routes /media/* through CloudFront.</summary>
    public const bool PublicMedia = false;

    /// <summary>CloudFront's limits on the names of origin access controls and of cache and response headers policies.</summary>
    public const int OriginAccessControlNameMaxLength = 64;
    public const int PolicyNameMaxLength = 128;

    /// <summary>
    /// Room kept at the end of those names for "-" and the stack's region, whose length is unknown when the stack is
    /// environment-agnostic; the longest region names today have 15 characters (us-isof-south-1).
    /// </summary>
    public const int RegionSuffixReserve = 21;

    /// <summary>Two years, the value hstspreload.org asks for.</summary>
    public const int HstsMaxAgeSeconds = 63_072_000;

    /// <summary>Fingerprinted files never change under the same name: browsers may keep them a year.</summary>
    public const string FingerprintedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>index.html and other unversioned files: browsers revalidate on every load (a cheap 304).</summary>
    public const string UnversionedCacheControl = "no-cache";

    public const int MediaDefaultTtlSeconds = 60;
    public const int MediaMaxTtlSeconds = 86_400;

    /// <summary>The header CloudFront adds to every request to the load balancer; the listener rule checks it.</summary>
    public const string OriginVerifyHeader = "X-Origin-Verify";
    public const int OriginSecretLength = 64;

    /// <summary>AWS-managed prefix list of CloudFront's origin-facing addresses, the same name in every region.</summary>
    public const string CloudFrontPrefixListName = "com.amazonaws.global.cloudfront.origin-facing";
}
