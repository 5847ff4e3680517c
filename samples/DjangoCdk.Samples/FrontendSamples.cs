using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>Sample apps of <see cref="StaticSite"/>: a built single-page app on S3 and CloudFront.</summary>
public static class FrontendSamples
{
    private const string StaticSiteCertificateRegion = "us-east-1";

    /// <summary>The built-SPA fixture (samples/frontend/dist); see <see cref="SamplePaths.FindDist"/>.</summary>
    public static string FindDist() => SamplePaths.FindDist();

    /// <summary>StaticSite with nothing but the build: served on its *.cloudfront.net name.</summary>
    public static Stack StaticSiteMinimal(Construct scope, string id, IEnvironment env, string distPath)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: StaticSite with defaults" });
        _ = new StaticSite(stack, "Frontend", new StaticSiteProps { PathToDist = distPath });
        return stack;
    }

    /// <summary>
    /// StaticSite with every option on, composed by hand with a DjangoEcs (what DjangoVue does for you): app.example.com
    /// (certificate created when the stack is in us-east-1), the Django API behind a load balancer locked to
    /// CloudFront, Django's static files and public uploads from its bucket, one logs bucket, every edge option.
    /// </summary>
    public static Stack StaticSiteComplete(Construct scope, string id, IEnvironment env, string distPath, string imageDirectory)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: StaticSite with every option" });
        const string zoneName = "example.com";
        const string zoneId = "Z0123456789EXAMPLE";
        const string apiDomain = "api.example.com";
        const string appDomain = "app.example.com";

        // Django with its load balancer closed: HTTPS on api.example.com, with a certificate that also names
        // app.example.com because CloudFront forwards the viewer's Host header and checks the certificate against it.
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = imageDirectory,
            ApiDomainName = apiDomain,
            ZoneName = zoneName,
            HostedZoneId = zoneId,
            CertificateAlternativeNames = [appDomain],
            OpenLoadBalancer = false,
            FrontendUrl = "https://" + appDomain,
            AssetsDomainName = appDomain,
            // Uploads are public in this sample (PublicMedia below), so Django links them unsigned on the app's domain.
            MediaDomainName = appDomain,
            ExtraAllowedHosts = [appDomain],
            ExtraCsrfTrustedOrigins = ["https://" + appDomain],
        });

        // CloudFront only uses certificates from us-east-1: there the site creates one; elsewhere, pass yours.
        var certificateArn = env.Region == StaticSiteCertificateRegion
            ? null
            : $"arn:aws:acm:{StaticSiteCertificateRegion}:{env.Account ?? "123456789012"}:certificate/11111111-2222-3333-4444-555555555555";
        var site = new StaticSite(stack, "Frontend", new StaticSiteProps
        {
            PathToDist = distPath,
            RequirePathToDist = true,
            FrontendDomainName = appDomain,
            ZoneName = zoneName,
            HostedZoneId = zoneId,
            CertificateArn = certificateArn,
            LoadBalancer = django.LoadBalancer,
            LoadBalancerDomainName = apiDomain,
            AssetsBucket = django.StaticFileBucket,
            PublicMedia = true,
            AccessLogsBucket = django.AccessLogsBucket,
            PriceClass = PriceClass.PRICE_CLASS_ALL,
            GeoRestriction = GeoRestriction.Denylist("KP"),
            ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
            DeploymentMemoryMiB = 1024,
        });

        // Only requests that came through the distribution reach Django; everything else gets 403.
        site.RestrictLoadBalancerToCloudFront(django.Listener, [django.WebTargetGroup]);
        django.AddRequestCountScaling();
        return stack;
    }
}
