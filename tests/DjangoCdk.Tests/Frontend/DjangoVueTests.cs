using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Frontend;

/// <summary>What DjangoVue builds from its required options.</summary>
public sealed class DjangoVueTests(DjangoVueDefaultsFixture fixture) : IClassFixture<DjangoVueDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly TemplateJson json = new(fixture.Template);

    [Fact]
    public void Defaults_match_the_golden_template() => Snapshot.Matches(template, "DjangoVueDefaults");

    [Fact]
    public void Django_learns_the_one_domain_for_hosts_csrf_frontend_and_assets()
    {
        var env = TemplateJson.Environment(json.Container("web"));
        Assert.Equal("origin.app.example.com,app.example.com", (string?)env["ALLOWED_HOSTS"]);
        Assert.Contains("https://app.example.com", ((string?)env["CSRF_TRUSTED_ORIGINS"])!.Split(','));
        Assert.Equal("https://app.example.com", (string?)env["FRONTEND_URL"]);
        Assert.Equal("app.example.com", (string?)env["ASSETS_DOMAIN"]);
    }

    [Fact]
    public void Cloudfront_serves_the_site_on_the_domain()
    {
        template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(Props(
            ("DistributionConfig", Match.ObjectLike(Props(("Aliases", new[] { "app.example.com" })))))));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(Props(("Name", "app.example.com."), ("Type", "A"))));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(Props(("Name", "app.example.com."), ("Type", "AAAA"))));
    }

    [Fact]
    public void The_load_balancer_has_its_own_name_and_a_certificate_that_also_names_the_site()
    {
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(Props(("Name", "origin.app.example.com."), ("Type", "A"))));
        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(Props(
            ("DomainName", "origin.app.example.com"), ("SubjectAlternativeNames", new[] { "app.example.com" }))));
    }

    [Fact]
    public void Api_paths_go_to_django_over_https_on_the_origin_name()
    {
        var distribution = json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString();
        Assert.Contains("\"DomainName\":\"origin.app.example.com\"", distribution);
        Assert.Contains("\"OriginProtocolPolicy\":\"https-only\"", distribution);
        foreach (var path in new[] { "/api/*", "/admin/*", "/graphql*", "/static/*" })
            Assert.Contains($"\"PathPattern\":\"{path}\"", distribution);
    }

    [Fact]
    public void Uploads_stay_private_by_default()
    {
        // Given DjangoVue's defaults, Then CloudFront serves static files but no /media/*, may read only static/*, and
        // Django gets no MEDIA_DOMAIN, so it links uploads with signed, expiring S3 URLs.
        var distribution = json.OfType("AWS::CloudFront::Distribution").Single().Value.ToJsonString();
        Assert.DoesNotContain("/media/", distribution);
        var grant = CloudFrontGrant("AllowCloudFrontReadStatic");
        Assert.Contains("/static/*", grant);
        Assert.DoesNotContain("/media/", grant);
        var env = TemplateJson.Environment(json.Container("web"));
        Assert.Equal("", (string?)env["MEDIA_DOMAIN"]);
        Assert.Equal("app.example.com", (string?)env["ASSETS_DOMAIN"]);
        Assert.Empty(json.OfType("AWS::CloudFront::CachePolicy"));
    }

    /// <summary>The statement of Django's bucket policy that lets CloudFront read, as JSON text.</summary>
    private string CloudFrontGrant(string sid) =>
        json.OfType("AWS::S3::BucketPolicy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(s => (string?)s!["Sid"] == sid)!.ToJsonString();

    [Fact]
    public void The_load_balancer_answers_only_requests_that_came_through_cloudfront()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(
            ("Port", 443),
            ("DefaultActions", new[] { Match.ObjectLike(Props(("Type", "fixed-response"), ("FixedResponseConfig", Match.ObjectLike(Props(("StatusCode", "403")))))) }))));
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Match.ObjectLike(Props(
            ("Conditions", new[] { Match.ObjectLike(Props(("Field", "http-header"))) }))));
    }

    [Fact]
    public void The_load_balancer_is_closed_to_the_internet()
    {
        Assert.DoesNotContain("0.0.0.0/0", json.OfType("AWS::EC2::SecurityGroup").Where(g => g.Key.Contains("LoadBalancer")).Single().Value.ToJsonString());
        Assert.DoesNotContain(json.OfType("AWS::ElasticLoadBalancingV2::Listener"), l => (int?)l.Value["Properties"]!["Port"] == 80);
        Assert.Contains(json.OfType("AWS::EC2::SecurityGroupIngress"), i => i.Value["Properties"]!["SourcePrefixListId"] is not null);
    }

    [Fact]
    public void The_origin_header_value_never_appears_in_the_template()
    {
        var rule = json.OfType("AWS::ElasticLoadBalancingV2::ListenerRule").Single().Value.ToJsonString();
        Assert.Contains("{{resolve:secretsmanager:", rule);
    }

    [Fact]
    public void Web_still_scales_on_requests_per_target()
    {
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.ObjectLike(Props(
            ("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
                ("PredefinedMetricSpecification", Match.ObjectLike(Props(("PredefinedMetricType", "ALBRequestCountPerTarget"))))))))));
    }

    [Fact]
    public void One_logs_bucket_serves_the_load_balancer_cloudfront_and_s3()
    {
        Assert.Single(json.OfType("AWS::S3::Bucket"), b => b.Value["Properties"]!["LifecycleConfiguration"]!.ToJsonString().Contains("ExpirationInDays"));
    }

    [Fact]
    public void Both_parts_are_exposed()
    {
        Assert.Equal("Test/Site/Django", fixture.Site.Django.Node.Path);
        Assert.Equal("Test/Site/Frontend", fixture.Site.Frontend.Node.Path);
        Assert.Equal("https://app.example.com", fixture.Site.Url);
    }
}
