namespace DjangoCdk;

/// <summary>The defaults of <see cref="StaticSite"/>; docs/static-site.md documents the same values.</summary>
internal static partial class Defaults
{
    /// <summary>CloudFront only accepts viewer certificates from ACM in this region.</summary>
    public const string CloudFrontCertificateRegion = "us-east-1";

    public static readonly string[] ApiPathPatterns = ["/api/*", "/admin/*", "/graphql/*"];

    /// <summary>Vite's output folder for content-hashed files (build.assetsDir).</summary>
    public const string FingerprintedPathPattern = "/assets/*";

    /// <summary>Django's STATIC_URL and MEDIA_URL; django-storages writes under the same key prefixes.</summary>
    public const string StaticPathPattern = "/static/*";
    public const string MediaPathPattern = "/media/*";

    public const string IndexDocument = "index.html";
    public const string CloudFrontLogsPrefix = "cloudfront/";
    public const int SiteDeploymentMemoryMiB = 512;

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
