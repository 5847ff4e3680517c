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
        var settings = DjangoVueSettings.Resolve(props, ConstructSite.Of(this));
        Django = CreateDjango(settings);
        Frontend = CreateFrontend(settings);
        LockLoadBalancerToCloudFront();
        AddCloudFrontMonitoring();
        DomainName = settings.DomainName;
        Url = settings.Origin;
    }

    /// <summary>
    /// Django: HTTPS on the origin name, with a certificate that also names the site (CloudFront forwards the viewer's
    /// Host header and checks the certificate against it), closed to everyone but CloudFront, told its public domain.
    /// </summary>
    private DjangoEcs CreateDjango(DjangoVueSettings settings) => new(this, Ids.Django, settings.Django with
    {
        ApiDomainName = settings.OriginDomainName,
        ZoneName = settings.ZoneName,
        HostedZoneId = settings.HostedZoneId,
        CertificateAlternativeNames = [settings.DomainName],
        OpenLoadBalancer = false,
        FrontendUrl = settings.Origin,
        AssetsDomainName = settings.DomainName,
        // Unset unless uploads are public: Django then links them with signed S3 URLs, as CloudFront does not serve /media/.
        MediaDomainName = settings.PublicMedia ? settings.DomainName : null,
        ExtraAllowedHosts = [settings.DomainName, .. settings.Django.ExtraAllowedHosts ?? []],
        ExtraCsrfTrustedOrigins = [settings.Origin, .. settings.Django.ExtraCsrfTrustedOrigins ?? []],
    }, StackFootprints.Vue.Site, composed: true);

    /// <summary>The SPA, with the API paths sent to Django's load balancer and /static/ (and /media/) to its bucket.</summary>
    private StaticSite CreateFrontend(DjangoVueSettings settings) => new(this, Ids.Frontend, settings.Frontend with
    {
        FrontendDomainName = settings.DomainName,
        ZoneName = settings.ZoneName,
        HostedZoneId = settings.HostedZoneId,
        CertificateArn = settings.CertificateArn,
        LoadBalancer = Django.LoadBalancer,
        LoadBalancerDomainName = settings.OriginDomainName,
        AssetsBucket = Django.StaticFileBucket,
        PublicMedia = settings.PublicMedia,
        AccessLogsBucket = Django.AccessLogsBucket,
    });

    /// <summary>Only requests through the distribution reach Django; the database becomes undeletable once the whole site has deployed.</summary>
    private void LockLoadBalancerToCloudFront()
    {
        Frontend.RestrictLoadBalancerToCloudFront(Django.Listener, [Django.WebTargetGroup]);
        Django.AddRequestCountScaling();
        Django.DatabaseProtection?.Node.AddDependency(Frontend);
    }

    /// <summary>CloudFront's alarm and dashboard row beside Django's, then the dashboard's alarm states.</summary>
    private void AddCloudFrontMonitoring()
    {
        if (Django.Monitoring is not { } monitoring) return;
        monitoring.AddCloudFront(Frontend.Distribution);
        monitoring.AddAlarmStatusRow();
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
