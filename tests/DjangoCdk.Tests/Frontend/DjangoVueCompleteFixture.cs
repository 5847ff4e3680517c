using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Frontend;

/// <summary>DjangoVue with every option on, in eu-west-1 with a us-east-1 certificate.</summary>
public sealed class DjangoVueCompleteFixture
{
    public DjangoVueCompleteFixture()
    {
        Stack = TestStacks.New();
        Site = new DjangoVue(Stack, "Site", new DjangoVueProps
        {
            DomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            CertificateArn = Sites.UsEast1CertificateArn,
            LoadBalancerDomainName = "django.example.com",
            PublicMedia = true,
            Django = new DjangoEcsProps
            {
                ImageDirectory = TestStacks.Backend,
                UseCeleryBeat = true,
                UseEcsExec = true,
                CeleryWorkers = [new CeleryWorkerOptions { Name = "default" }, new CeleryWorkerOptions { Name = "bulk", Queues = ["bulk"], UseSpot = true }],
                EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "ublog" },
                WebMinCount = 2,
                WebMaxCount = 6,
                DatabaseMultiAz = true,
                CeleryApp = "ublog.celery_app:app",
                HealthCheckPath = "/healthz/",
            },
            Frontend = new StaticSiteProps
            {
                PathToDist = Sites.Dist,
                RequirePathToDist = true,
                ApiPathPatterns = ["/api/*", "/admin/*", "/accounts/*"],
                PriceClass = Amazon.CDK.AWS.CloudFront.PriceClass.PRICE_CLASS_ALL,
                ContentSecurityPolicy = "default-src 'self'",
            },
        });
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public DjangoVue Site { get; }
    public Template Template { get; }
}
