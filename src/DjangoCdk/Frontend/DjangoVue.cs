using Constructs;

namespace DjangoCdk;

/// <summary>
/// Django and a single-page app on one CloudFront domain: the SPA from S3, the API paths from Django on ECS Fargate,
/// /static/ from Django's bucket (and /media/ with <see cref="DjangoVueProps.PublicMedia"/>; otherwise uploads are
/// linked with signed S3 URLs). One origin for the browser, so the API can set HttpOnly, SameSite cookies. Composes
/// <see cref="DjangoEcs"/> (its load balancer locked to CloudFront) and <see cref="StaticSite"/>.
/// </summary>
public sealed class DjangoVue : Construct
{
    /// <summary>Construct IDs: renaming one replaces cloud resources.</summary>
    internal static class Ids
    {
        public const string Django = "Django";
        public const string Frontend = "Frontend";
    }

    /// <summary>Creates the site.</summary>
    public DjangoVue(Construct scope, string id, DjangoVueProps props) : base(scope, id)
    {
        // Defaults.
        var domain = props.DomainName;
        var originDomain = props.LoadBalancerDomainName ?? "origin." + domain;
        var origin = "https://" + domain;
        var publicMedia = props.PublicMedia ?? Defaults.PublicMedia;

        // Validation: the domain props are checked here, under DjangoVue's names, before the parts see derived values.
        if (string.IsNullOrWhiteSpace(domain))
            throw Errors.Missing(this, nameof(DjangoVueProps.DomainName), "Give the site's domain, e.g. \"app.example.com\".");
        DomainSettings.Validate(this, domain, props.ZoneName, props.HostedZoneId, props.CertificateArn, nameof(DjangoVueProps.DomainName));
        if (!DomainSettings.IsInZone(originDomain, props.ZoneName))
            throw Errors.Invalid(this, nameof(DjangoVueProps.LoadBalancerDomainName), originDomain, $"It must be a subdomain of ZoneName '{props.ZoneName}', where its record and certificate validation live.");
        if (string.Equals(originDomain.TrimEnd('.'), domain.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            throw Errors.Conflict(this, nameof(DjangoVueProps.LoadBalancerDomainName), originDomain, "it equals DomainName, which points at CloudFront; the load balancer needs a name of its own, e.g. 'origin." + domain + "'.");

        // Django: HTTPS on the origin name, with a certificate that also names the site (CloudFront forwards the
        // viewer's Host header and checks the certificate against it), closed to everyone but CloudFront.
        Django = new DjangoEcs(this, Ids.Django, new DjangoEcsProps
        {
            ImageDirectory = props.ImageDirectory,
            Dockerfile = props.Dockerfile,
            WebCommand = props.WebCommand,
            UseCeleryBeat = props.UseCeleryBeat,
            UseEcsExec = props.UseEcsExec,
            EnvironmentVariables = props.EnvironmentVariables,
            Secrets = props.Secrets,
            CeleryWorkers = props.CeleryWorkers,
            ReleaseCommands = props.ReleaseCommands,
            SettingsModule = props.SettingsModule,
            Vpc = props.Vpc,
            WebMinCount = props.WebMinCount,
            WebMaxCount = props.WebMaxCount,
            DatabaseMultiAz = props.DatabaseMultiAz,
            ApiDomainName = originDomain,
            ZoneName = props.ZoneName,
            HostedZoneId = props.HostedZoneId,
            CertificateAlternativeNames = [domain],
            OpenLoadBalancer = false,
            FrontendUrl = origin,
            AssetsDomainName = domain,
            // Unset unless uploads are public: Django then links them with signed S3 URLs, as CloudFront does not serve /media/.
            MediaDomainName = publicMedia ? domain : null,
            ExtraAllowedHosts = [domain],
            ExtraCsrfTrustedOrigins = [origin],
        });

        Frontend = new StaticSite(this, Ids.Frontend, new StaticSiteProps
        {
            PathToDist = props.PathToDist,
            RequirePathToDist = props.RequirePathToDist,
            FrontendDomainName = domain,
            ZoneName = props.ZoneName,
            HostedZoneId = props.HostedZoneId,
            CertificateArn = props.CertificateArn,
            LoadBalancer = Django.LoadBalancer,
            LoadBalancerDomainName = originDomain,
            ApiPathPatterns = props.ApiPathPatterns,
            AssetsBucket = Django.StaticFileBucket,
            PublicMedia = publicMedia,
            AccessLogsBucket = Django.AccessLogsBucket,
        });
        Frontend.RestrictLoadBalancerToCloudFront(Django.Listener, [Django.WebTargetGroup]);
        Django.AddRequestCountScaling();
        // The database becomes undeletable only once the whole site, distribution included, has deployed.
        Django.DatabaseProtection?.Node.AddDependency(Frontend);

        DomainName = domain;
        Url = origin;
    }

    /// <summary>The Django part: load balancer, services, database, cache, bucket.</summary>
    public DjangoEcs Django { get; }

    /// <summary>The frontend part: the distribution, the SPA bucket, the routing function.</summary>
    public StaticSite Frontend { get; }

    /// <summary>The site's domain.</summary>
    public string DomainName { get; }

    /// <summary>The site's URL.</summary>
    public string Url { get; }
}
