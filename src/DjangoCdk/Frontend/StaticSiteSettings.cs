using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.S3;

namespace DjangoCdk;

/// <summary>What synthesis found at <see cref="StaticSiteProps.PathToDist"/>.</summary>
internal enum DistStatus
{
    /// <summary>A folder with index.html: uploaded.</summary>
    Ready,

    /// <summary>PathToDist is unset: nothing is uploaded (a warning).</summary>
    NotSet,

    /// <summary>The folder does not exist: nothing is uploaded (a warning).</summary>
    NotFound,

    /// <summary>The folder has no index.html: uploaded anyway (a warning).</summary>
    NoIndex,
}

/// <summary>The built app: the path as given, the full path, and what is there.</summary>
internal sealed record DistFolder(string? Given, string? FullPath, DistStatus Status)
{
    /// <summary>The folder to upload; null when there is nothing to upload.</summary>
    public string? UploadPath => Status is DistStatus.Ready or DistStatus.NoIndex ? FullPath : null;
}

/// <summary>The site's own domain, when <see cref="StaticSiteProps.FrontendDomainName"/> is set.</summary>
internal sealed record SiteDomain(string Name, string ZoneName, string? HostedZoneId, string? CertificateArn);

/// <summary>The Django load balancer and the paths it serves, when <see cref="StaticSiteProps.LoadBalancer"/> is set.</summary>
internal sealed record SiteLoadBalancer(IApplicationLoadBalancer LoadBalancer, string? DomainName, bool UsesHttps, IReadOnlyList<string> ApiPathPatterns);

/// <summary>Django's static and media bucket, when <see cref="StaticSiteProps.AssetsBucket"/> is set.</summary>
internal sealed record SiteAssets(IBucket Bucket, bool PublicMedia)
{
    /// <summary>The paths the bucket serves: /static/*, and /media/* when uploads are public.</summary>
    public IReadOnlyList<string> PathPatterns => PublicMedia ? [Defaults.StaticPathPattern, Defaults.MediaPathPattern] : [Defaults.StaticPathPattern];
}

/// <summary>
/// Every <see cref="StaticSiteProps"/> value with its default applied and validated, in plain C#: CDK objects the
/// props carry (the load balancer, buckets, price class, geo restriction) pass through untouched, so checking the rest
/// needs no CDK runtime. <see cref="Resolve"/> throws <see cref="DjangoCdkValidationException"/> naming the prop.
/// </summary>
internal sealed record StaticSiteSettings
{
    private static readonly Regex PathPatternChars = new(@"^/[A-Za-z0-9_\-.*$/~""'@:+&]*$", RegexOptions.CultureInvariant);
    private static readonly Regex FolderPattern = new(@"^/[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*/\*$", RegexOptions.CultureInvariant);
    private static readonly Regex HostName = new(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex WafV2GlobalArn = new(@"^arn:aws[a-zA-Z-]*:wafv2:us-east-1:\d{12}:global/webacl/[^/]+/[^/]+$", RegexOptions.CultureInvariant);

    public required DistFolder Dist { get; init; }
    public SiteDomain? Domain { get; init; }
    public SiteLoadBalancer? LoadBalancer { get; init; }
    public SiteAssets? Assets { get; init; }

    /// <summary>The build's fingerprinted folder as a path pattern, "/folder/*".</summary>
    public required string FingerprintedPathPattern { get; init; }

    public required int DeploymentMemoryMiB { get; init; }
    public required PriceClass PriceClass { get; init; }
    public string? WebAclArn { get; init; }
    public GeoRestriction? GeoRestriction { get; init; }
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>The user's logs bucket, or null when the construct creates one.</summary>
    public IBucket? AccessLogsBucket { get; init; }

    /// <summary>The fingerprinted folder as a bucket key prefix, "folder".</summary>
    public string FingerprintedFolder => FingerprintedPathPattern.TrimStart('/')[..^2];

    /// <summary>Applies the defaults to <paramref name="props"/> and validates every value, in the order the errors are reported.</summary>
    public static StaticSiteSettings Resolve(StaticSiteProps props, ConstructSite site)
    {
        var domain = ResolveDomain(props, site);
        var loadBalancer = ResolveLoadBalancer(props, site);
        var assets = ResolveAssets(props, site);
        var fingerprinted = props.FingerprintedPathPattern ?? Defaults.FingerprintedPathPattern;
        ValidatePathPatterns(props, site, fingerprinted, loadBalancer?.ApiPathPatterns ?? [], assets);
        ValidateWebAcl(props.WebAclArn, site);
        var memory = props.DeploymentMemoryMiB ?? Defaults.SiteDeploymentMemoryMiB;
        if (memory < 128 || memory > 10240)
            throw Errors.OutOfRange(site.Path, nameof(StaticSiteProps.DeploymentMemoryMiB), memory.ToString(CultureInfo.InvariantCulture), "Allowed: 128 to 10240 (Lambda's limits).");
        if (props.ContentSecurityPolicy is { } csp && string.IsNullOrWhiteSpace(csp))
            throw Errors.Invalid(site.Path, nameof(StaticSiteProps.ContentSecurityPolicy), csp, "Give a policy such as \"default-src 'self'\", or leave it unset.");

        return new StaticSiteSettings
        {
            Dist = ResolveDist(props, site),
            Domain = domain,
            LoadBalancer = loadBalancer,
            Assets = assets,
            FingerprintedPathPattern = fingerprinted,
            DeploymentMemoryMiB = memory,
            PriceClass = props.PriceClass ?? PriceClass.PRICE_CLASS_100,
            WebAclArn = props.WebAclArn,
            GeoRestriction = props.GeoRestriction,
            ContentSecurityPolicy = props.ContentSecurityPolicy,
            AccessLogsBucket = props.AccessLogsBucket,
        };
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

    private static SiteDomain? ResolveDomain(StaticSiteProps props, ConstructSite site)
    {
        DomainSettings.Validate(site, props.FrontendDomainName, props.ZoneName, props.HostedZoneId, props.CertificateArn, nameof(StaticSiteProps.FrontendDomainName));
        if (props.FrontendDomainName is not { } name || props.ZoneName is not { } zone) return null;
        ValidateCertificate(site, name, props.CertificateArn);
        return new SiteDomain(name, zone, props.HostedZoneId, props.CertificateArn);
    }

    /// <summary>CloudFront only uses certificates from us-east-1: a given one must be there, else the stack must be.</summary>
    private static void ValidateCertificate(ConstructSite site, string domain, string? certificateArn)
    {
        var request = $"aws acm request-certificate --region {Defaults.CloudFrontCertificateRegion} --domain-name {domain} --validation-method DNS";
        if (certificateArn is not null)
        {
            if (Tokens.IsUnresolved(certificateArn)) return;
            var region = DomainSettings.CertificateArnPattern.Match(certificateArn).Groups["region"].Value;
            if (region != Defaults.CloudFrontCertificateRegion)
                throw Errors.Invalid(site.Path, DomainSettings.CertificateArnProp, certificateArn,
                    $"The certificate is in '{region}', but CloudFront only uses ACM certificates from {Defaults.CloudFrontCertificateRegion}, whatever the stack's region. Request one there ({request}), validate it, and pass its ARN.");
            return;
        }

        if (!site.HasRegion || site.Region != Defaults.CloudFrontCertificateRegion)
        {
            var where = site.HasRegion ? $"is in {site.Region}" : "has no fixed region (no Env)";
            throw Errors.Missing(site.Path, DomainSettings.CertificateArnProp,
                $"CloudFront only uses certificates from {Defaults.CloudFrontCertificateRegion} and this stack {where}, so the construct cannot create one for '{domain}' here. " +
                $"Either request one ({request}), add the CNAME record it asks for to the zone, and pass its ARN as CertificateArn; " +
                $"or deploy this stack in {Defaults.CloudFrontCertificateRegion} (Env Region = \"{Defaults.CloudFrontCertificateRegion}\") to have the certificate created and validated for you.");
        }
    }

    private static SiteLoadBalancer? ResolveLoadBalancer(StaticSiteProps props, ConstructSite site)
    {
        if (props.LoadBalancer is not { } loadBalancer)
        {
            if (props.LoadBalancerDomainName is not null)
                throw Errors.Conflict(site.Path, nameof(StaticSiteProps.LoadBalancerDomainName), props.LoadBalancerDomainName, "LoadBalancer is not set, so no requests go to a load balancer. Set LoadBalancer, or remove LoadBalancerDomainName.");
            if (props.LoadBalancerUsesHttps is { } https)
                throw Errors.Conflict(site.Path, nameof(StaticSiteProps.LoadBalancerUsesHttps), https ? "true" : "false", "LoadBalancer is not set. Set LoadBalancer, or remove LoadBalancerUsesHttps.");
            if (props.ApiPathPatterns is not null)
                throw Errors.Conflict(site.Path, nameof(StaticSiteProps.ApiPathPatterns), props.ApiPathPatterns, "LoadBalancer is not set, so these paths would have nowhere to go. Set LoadBalancer (the Django ALB), or remove ApiPathPatterns.");
            return null;
        }

        var name = props.LoadBalancerDomainName;
        var usesHttps = props.LoadBalancerUsesHttps ?? name is not null;
        if (name is not null && !Tokens.IsUnresolved(name) && !HostName.IsMatch(name))
            throw Errors.Invalid(site.Path, nameof(StaticSiteProps.LoadBalancerDomainName), name, "Give a host name such as 'api.example.com' that resolves to the load balancer.");
        if (usesHttps && name is null)
            throw Errors.Conflict(site.Path, nameof(StaticSiteProps.LoadBalancerUsesHttps), "true",
                "LoadBalancerDomainName is not set. A certificate names a domain, never the load balancer's generated DNS name, so CloudFront's TLS check would fail (502). " +
                "Set LoadBalancerDomainName to a name that resolves to the load balancer and that its certificate covers, or set LoadBalancerUsesHttps to false.");
        return new SiteLoadBalancer(loadBalancer, name, usesHttps, props.ApiPathPatterns ?? Defaults.ApiPathPatterns);
    }

    private static SiteAssets? ResolveAssets(StaticSiteProps props, ConstructSite site)
    {
        if (props.AssetsBucket is { } bucket) return new SiteAssets(bucket, props.PublicMedia ?? Defaults.PublicMedia);
        if (props.PublicMedia is { } publicMedia)
            throw Errors.Conflict(site.Path, nameof(StaticSiteProps.PublicMedia), publicMedia ? "true" : "false",
                "AssetsBucket is not set, so there are no Django uploads to serve. Set AssetsBucket to Django's static and media bucket, or remove PublicMedia.");
        return null;
    }

    private static void ValidatePathPatterns(StaticSiteProps props, ConstructSite site, string fingerprinted, IReadOnlyList<string> apiPatterns, SiteAssets? assets)
    {
        const string fingerprintedProp = nameof(StaticSiteProps.FingerprintedPathPattern);
        const string apiProp = nameof(StaticSiteProps.ApiPathPatterns);
        if (!FolderPattern.IsMatch(fingerprinted))
            throw Errors.Invalid(site.Path, fingerprintedProp, fingerprinted, "It must name one folder of the build followed by '/*', e.g. '/assets/*' (Vite) or '/js/*'.");

        // Only what AssetsBucket serves is reserved: with private media, /media/* may go to Django.
        var reserved = new List<(string Pattern, string Owner)> { (fingerprinted, fingerprintedProp) };
        foreach (var django in assets?.PathPatterns ?? [])
        {
            if (Overlaps(fingerprinted, django))
                throw Errors.Conflict(site.Path, fingerprintedProp, fingerprinted, $"it overlaps '{django}', which AssetsBucket serves (Django's STATIC_URL or MEDIA_URL). Configure the build to emit its hashed files in another folder (Vite: build.assetsDir) and set {fingerprintedProp} to match.");
            reserved.Add((django, nameof(StaticSiteProps.AssetsBucket)));
        }

        if (props.ApiPathPatterns is { Length: 0 })
            throw Errors.Invalid(site.Path, apiProp, props.ApiPathPatterns, "Give at least one pattern such as '/api/*', or leave ApiPathPatterns unset for the defaults.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in apiPatterns)
        {
            if (string.IsNullOrEmpty(pattern) || !pattern.StartsWith('/'))
                throw Errors.Invalid(site.Path, apiProp, pattern, "Each path pattern must start with '/', e.g. '/api/*'.");
            if (pattern.Length > 255 || !PathPatternChars.IsMatch(pattern))
                throw Errors.Invalid(site.Path, apiProp, pattern, "CloudFront path patterns hold at most 255 of: letters, digits, _ - . * $ / ~ \" ' @ : + &.");
            if (!seen.Add(pattern))
                throw Errors.Conflict(site.Path, apiProp, pattern, "it is listed twice; list each pattern once.");
            foreach (var (other, owner) in reserved.Where(r => Overlaps(pattern, r.Pattern)))
                throw Errors.Conflict(site.Path, apiProp, pattern, $"it overlaps '{other}' ({owner}), so CloudFront would send some of those requests to the wrong origin. Use a pattern that does not match paths under '{other.TrimEnd('*')}'.");
        }
    }

    private static void ValidateWebAcl(string? webAclArn, ConstructSite site)
    {
        if (webAclArn is null || Tokens.IsUnresolved(webAclArn)) return;
        if (!WafV2GlobalArn.IsMatch(webAclArn))
            throw Errors.Invalid(site.Path, nameof(StaticSiteProps.WebAclArn), webAclArn,
                "Expected the ARN of an AWS WAF (v2) web ACL with scope CLOUDFRONT, which lives in us-east-1: arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>.");
    }

    /// <summary>What is at PathToDist: a missing folder or index.html is an error with RequirePathToDist, else the construct warns.</summary>
    private static DistFolder ResolveDist(StaticSiteProps props, ConstructSite site)
    {
        const string prop = nameof(StaticSiteProps.PathToDist);
        var required = props.RequirePathToDist ?? false;
        if (props.PathToDist is not { Length: > 0 } given)
        {
            if (required)
                throw Errors.Missing(site.Path, prop, "RequirePathToDist is true: pass the folder of the built app, e.g. \"frontend/dist\" (run npm run build first).");
            return new DistFolder(props.PathToDist, null, DistStatus.NotSet);
        }

        var fullPath = Path.GetFullPath(given);
        if (!Directory.Exists(fullPath))
        {
            if (required)
                throw Errors.NotFound(site.Path, prop, given, $"the directory {fullPath}");
            return new DistFolder(given, fullPath, DistStatus.NotFound);
        }

        var index = Path.Combine(fullPath, Defaults.IndexDocument);
        if (!File.Exists(index))
        {
            if (required)
                throw Errors.NotFound(site.Path, prop, given, $"{index} (a built single-page app has one)");
            return new DistFolder(given, fullPath, DistStatus.NoIndex);
        }

        return new DistFolder(given, fullPath, DistStatus.Ready);
    }
}
