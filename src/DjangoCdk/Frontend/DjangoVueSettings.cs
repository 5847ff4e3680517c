namespace DjangoCdk;

/// <summary>
/// <see cref="DjangoVueProps"/> resolved and validated in plain C#: the domain props under DjangoVue's names, and the
/// nested part props checked for the options DjangoVue owns.
/// </summary>
internal sealed record DjangoVueSettings(
    string DomainName,
    string ZoneName,
    string? HostedZoneId,
    string? CertificateArn,
    string OriginDomainName,
    bool PublicMedia,
    DjangoEcsProps Django,
    StaticSiteProps Frontend)
{
    /// <summary>The site's origin, https://<see cref="DomainName"/>.</summary>
    public string Origin => "https://" + DomainName;

    public static DjangoVueSettings Resolve(DjangoVueProps props, ConstructSite site)
    {
        var domain = props.DomainName;
        if (string.IsNullOrWhiteSpace(domain))
            throw Errors.Missing(site.Path, nameof(DjangoVueProps.DomainName), "Give the site's domain, e.g. \"app.example.com\".");
        DomainSettings.Validate(site, domain, props.ZoneName, props.HostedZoneId, props.CertificateArn, nameof(DjangoVueProps.DomainName));
        var originDomain = props.LoadBalancerDomainName ?? "origin." + domain;
        if (!DomainSettings.IsInZone(originDomain, props.ZoneName))
            throw Errors.Invalid(site.Path, nameof(DjangoVueProps.LoadBalancerDomainName), originDomain, $"It must be a subdomain of ZoneName '{props.ZoneName}', where its record and certificate validation live.");
        if (string.Equals(originDomain.TrimEnd('.'), domain.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            throw Errors.Conflict(site.Path, nameof(DjangoVueProps.LoadBalancerDomainName), originDomain, "it equals DomainName, which points at CloudFront; the load balancer needs a name of its own, e.g. 'origin." + domain + "'.");
        if (props.Django is null)
            throw Errors.Missing(site.Path, nameof(DjangoVueProps.Django), "Pass the Django application's props, at least new DjangoEcsProps { ImageDirectory = \"./backend\" }.");

        var frontend = props.Frontend ?? new StaticSiteProps();
        RejectOwned(site, nameof(DjangoVueProps.Django), OwnedDjangoOptions(props.Django));
        RejectOwned(site, nameof(DjangoVueProps.Frontend), OwnedFrontendOptions(frontend));
        return new DjangoVueSettings(domain, props.ZoneName, props.HostedZoneId, props.CertificateArn, originDomain,
            props.PublicMedia ?? Defaults.PublicMedia, props.Django, frontend);
    }

    /// <summary>The options of the Django part that DjangoVue sets, with the value given and what to use instead.</summary>
    private static IEnumerable<(string Option, object? Value, string Instead)> OwnedDjangoOptions(DjangoEcsProps django) =>
    [
        (nameof(DjangoEcsProps.ApiDomainName), django.ApiDomainName, "DjangoVue serves Django on its load balancer name: set LoadBalancerDomainName on DjangoVue"),
        (nameof(DjangoEcsProps.ZoneName), django.ZoneName, "set ZoneName on DjangoVue"),
        (nameof(DjangoEcsProps.HostedZoneId), django.HostedZoneId, "set HostedZoneId on DjangoVue"),
        (nameof(DjangoEcsProps.CertificateArn), django.CertificateArn, "DjangoVue creates the load balancer's certificate for LoadBalancerDomainName and DomainName; DjangoVue's own CertificateArn is CloudFront's"),
        (nameof(DjangoEcsProps.CertificateAlternativeNames), django.CertificateAlternativeNames, "DjangoVue adds DomainName to the load balancer's certificate"),
        (nameof(DjangoEcsProps.OpenLoadBalancer), django.OpenLoadBalancer, "DjangoVue admits only CloudFront to the load balancer"),
        (nameof(DjangoEcsProps.FrontendUrl), django.FrontendUrl, "DjangoVue sets it to https://<DomainName>"),
        (nameof(DjangoEcsProps.AssetsDomainName), django.AssetsDomainName, "DjangoVue serves /static/ on DomainName"),
        (nameof(DjangoEcsProps.MediaDomainName), django.MediaDomainName, "set PublicMedia on DjangoVue"),
    ];

    /// <summary>The options of the frontend part that DjangoVue sets.</summary>
    private static IEnumerable<(string Option, object? Value, string Instead)> OwnedFrontendOptions(StaticSiteProps frontend) =>
    [
        (nameof(StaticSiteProps.FrontendDomainName), frontend.FrontendDomainName, "set DomainName on DjangoVue"),
        (nameof(StaticSiteProps.ZoneName), frontend.ZoneName, "set ZoneName on DjangoVue"),
        (nameof(StaticSiteProps.HostedZoneId), frontend.HostedZoneId, "set HostedZoneId on DjangoVue"),
        (nameof(StaticSiteProps.CertificateArn), frontend.CertificateArn, "set CertificateArn on DjangoVue"),
        (nameof(StaticSiteProps.LoadBalancer), frontend.LoadBalancer, "DjangoVue connects its own Django load balancer"),
        (nameof(StaticSiteProps.LoadBalancerDomainName), frontend.LoadBalancerDomainName, "set LoadBalancerDomainName on DjangoVue"),
        (nameof(StaticSiteProps.LoadBalancerUsesHttps), frontend.LoadBalancerUsesHttps, "DjangoVue always reaches Django over HTTPS"),
        (nameof(StaticSiteProps.AssetsBucket), frontend.AssetsBucket, "DjangoVue serves Django's own bucket"),
        (nameof(StaticSiteProps.AccessLogsBucket), frontend.AccessLogsBucket, "DjangoVue shares Django's access-log bucket"),
        (nameof(StaticSiteProps.PublicMedia), frontend.PublicMedia, "set PublicMedia on DjangoVue, which also tells Django"),
    ];

    private static void RejectOwned(ConstructSite site, string part, IEnumerable<(string Option, object? Value, string Instead)> options)
    {
        foreach (var (option, value, instead) in options.Where(o => o.Value is not null))
        {
            var shown = value is string or IEnumerable<string> ? value : value is bool b ? (b ? "true" : "false") : "set";
            throw Errors.Conflict(site.Path, $"{part}.{option}", shown, $"DjangoVue sets {option} itself, so a value here would be ignored or contradict it: remove it ({instead}).");
        }
    }
}
