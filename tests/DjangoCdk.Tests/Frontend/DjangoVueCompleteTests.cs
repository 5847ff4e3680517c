using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Frontend;

/// <summary>What DjangoVue builds with every option on.</summary>
public sealed class DjangoVueCompleteTests(DjangoVueCompleteFixture fixture) : IClassFixture<DjangoVueCompleteFixture>
{
    private readonly TemplateJson json = new(fixture.Template);

    [Fact]
    public void Complete_matches_the_golden_template() => Snapshot.Matches(fixture.Template, "DjangoVueComplete");

    [Fact]
    public void A_chosen_load_balancer_name_replaces_the_default_origin_name()
    {
        Assert.Contains("\"DomainName\":\"django.example.com\"", json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString());
        Assert.Equal("django.example.com,app.example.com", (string?)TemplateJson.Environment(json.Container("web"))["ALLOWED_HOSTS"]);
    }

    [Fact]
    public void Chosen_api_paths_replace_the_default_ones()
    {
        var distribution = json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString();
        Assert.Contains("\"PathPattern\":\"/accounts/*\"", distribution);
        Assert.DoesNotContain("\"PathPattern\":\"/graphql*\"", distribution);
    }

    [Fact]
    public void Public_media_serves_uploads_on_the_domain_and_tells_django()
    {
        // Given PublicMedia, Then /media/* goes to Django's bucket through CloudFront, which may read media/*, and
        // Django links uploads unsigned on the site's domain (MEDIA_DOMAIN).
        var distribution = json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString();
        Assert.Contains("\"PathPattern\":\"/media/*\"", distribution);
        var statement = json.OfType("AWS::S3::BucketPolicy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(s => (string?)s!["Sid"] == "AllowCloudFrontReadStaticAndMedia")!.ToJsonString();
        Assert.Contains("/static/*", statement);
        Assert.Contains("/media/*", statement);
        Assert.Equal("app.example.com", (string?)TemplateJson.Environment(json.Container("web"))["MEDIA_DOMAIN"]);
    }

    [Fact]
    public void The_given_us_east_1_certificate_serves_cloudfront_outside_us_east_1()
    {
        Assert.Contains(Sites.UsEast1CertificateArn, json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString());
        Assert.Single(json.OfType("AWS::CertificateManager::Certificate"));
    }

    [Fact]
    public void Django_options_pass_through_to_the_services()
    {
        Assert.Equal(4, json.OfType("AWS::ECS::Service").Count());
        Assert.Equal("ublog", (string?)TemplateJson.Environment(json.Container("web"))["SITE_NAME"]);
    }

    [Fact]
    public void Every_django_option_reaches_django_through_the_nested_props()
    {
        // Options the copied props of earlier versions could not reach: the Celery app and the health-check path.
        var worker = json.Container("default")["Command"]!.AsArray().Select(c => (string?)c).ToArray();
        Assert.Equal("ublog.celery_app:app", worker[2]);
        Assert.Equal("/healthz/", (string?)TemplateJson.Environment(json.Container("web"))["HEALTH_CHECK_PATH"]);
    }

    [Fact]
    public void Every_frontend_option_reaches_the_distribution_through_the_nested_props()
    {
        fixture.Template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(Props(
            ("DistributionConfig", Match.ObjectLike(Props(("PriceClass", "PriceClass_All")))))));
        var csp = Match.ObjectLike(Props(("ContentSecurityPolicy", Match.ObjectLike(Props(("ContentSecurityPolicy", "default-src 'self'"))))));
        fixture.Template.HasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Match.ObjectLike(Props(
            ("ResponseHeadersPolicyConfig", Match.ObjectLike(Props(("SecurityHeadersConfig", csp)))))));
    }
}
