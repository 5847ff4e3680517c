using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Frontend;

/// <summary>One DjangoVue on app.example.com in us-east-1, synthesized once.</summary>
public sealed class DjangoVueFixture
{
    public DjangoVueFixture()
    {
        Stack = Sites.UsEast1();
        Site = new DjangoVue(Stack, "Site", Props());
        Template = Stack.Template();
    }

    public static DjangoVueProps Props() => new()
    {
        DomainName = Sites.AppDomain,
        ZoneName = Sites.ZoneName,
        HostedZoneId = Sites.ZoneId,
        PathToDist = Sites.Dist,
        ImageDirectory = TestStacks.Backend,
        UseCeleryBeat = true,
    };

    public Stack Stack { get; }
    public DjangoVue Site { get; }
    public Template Template { get; }
}

public sealed class DjangoVueTests(DjangoVueFixture fixture) : IClassFixture<DjangoVueFixture>
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

public sealed class DjangoVueValidationTests
{
    private static DjangoCdkValidationException Rejects(Func<DjangoVueProps, DjangoVueProps> change, Stack? stack = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => new DjangoVue(stack ?? Sites.UsEast1(), "Site", change(DjangoVueFixture.Props())));

    [Fact]
    public void Domain_outside_its_zone_is_rejected_under_the_djangovue_prop_name()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = "app.example.org", ZoneName = p.ZoneName, HostedZoneId = p.HostedZoneId, ImageDirectory = p.ImageDirectory });
        Assert.Equal("DomainName", error.ParamName);
        Assert.Equal("Test/Site", error.ConstructPath);
    }

    [Fact]
    public void Empty_domain_is_rejected()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = " ", ZoneName = p.ZoneName, ImageDirectory = p.ImageDirectory });
        Assert.Equal("DomainName", error.ParamName);
    }

    [Fact]
    public void Empty_zone_is_rejected()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = p.DomainName, ZoneName = "", ImageDirectory = p.ImageDirectory });
        Assert.Equal("ZoneName", error.ParamName);
    }

    [Fact]
    public void Load_balancer_name_equal_to_the_site_is_rejected()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = p.DomainName, ZoneName = p.ZoneName, HostedZoneId = p.HostedZoneId, ImageDirectory = p.ImageDirectory, LoadBalancerDomainName = "app.example.com" });
        Assert.Equal("LoadBalancerDomainName", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Load_balancer_name_outside_the_zone_is_rejected()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = p.DomainName, ZoneName = p.ZoneName, HostedZoneId = p.HostedZoneId, ImageDirectory = p.ImageDirectory, LoadBalancerDomainName = "origin.example.org" });
        Assert.Equal("LoadBalancerDomainName", error.ParamName);
    }

    [Fact]
    public void Outside_us_east_1_a_cloudfront_certificate_must_be_given()
    {
        var error = Rejects(p => p, TestStacks.New());
        Assert.Equal("CertificateArn", error.ParamName);
        Assert.Contains("us-east-1", error.Message);
    }

    [Fact]
    public void A_certificate_from_another_region_is_rejected()
    {
        var error = Rejects(p => new DjangoVueProps
        {
            DomainName = p.DomainName, ZoneName = p.ZoneName, HostedZoneId = p.HostedZoneId, ImageDirectory = p.ImageDirectory,
            CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
        });
        Assert.Equal("CertificateArn", error.ParamName);
    }

    [Fact]
    public void Django_props_are_checked_under_their_own_names()
    {
        var error = Rejects(p => new DjangoVueProps { DomainName = p.DomainName, ZoneName = p.ZoneName, HostedZoneId = p.HostedZoneId, ImageDirectory = "/no/such/dir" });
        Assert.Equal("ImageDirectory", error.ParamName);
    }
}

/// <summary>DjangoVue with every option on, in eu-west-1 with a us-east-1 certificate.</summary>
public sealed class DjangoVueEverythingOnFixture
{
    public DjangoVueEverythingOnFixture()
    {
        Stack = TestStacks.New();
        Site = new DjangoVue(Stack, "Site", new DjangoVueProps
        {
            DomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            CertificateArn = Sites.UsEast1CertificateArn,
            LoadBalancerDomainName = "django.example.com",
            PathToDist = Sites.Dist,
            RequirePathToDist = true,
            ApiPathPatterns = ["/api/*", "/admin/*", "/accounts/*"],
            PublicMedia = true,
            ImageDirectory = TestStacks.Backend,
            UseCeleryBeat = true,
            UseEcsExec = true,
            CeleryWorkers = [new CeleryWorkerOptions { Name = "default" }, new CeleryWorkerOptions { Name = "bulk", Queues = ["bulk"], UseSpot = true }],
            EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "ublog" },
            WebMinCount = 2,
            WebMaxCount = 6,
            DatabaseMultiAz = true,
        });
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public DjangoVue Site { get; }
    public Template Template { get; }
}

public sealed class DjangoVueEverythingOnTests(DjangoVueEverythingOnFixture fixture) : IClassFixture<DjangoVueEverythingOnFixture>
{
    private readonly TemplateJson json = new(fixture.Template);

    [Fact]
    public void Everything_on_matches_the_golden_template() => Snapshot.Matches(fixture.Template, "DjangoVueEverythingOn");

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
}
