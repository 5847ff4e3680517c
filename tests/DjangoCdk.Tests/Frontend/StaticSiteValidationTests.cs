using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.S3;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>
/// Bad input: one clear DjangoCdkValidationException naming the prop, the value and what is allowed. Props are checked
/// by <see cref="StaticSiteSettings.Resolve"/> in plain C#, and the CDK objects it passes through untouched (the load
/// balancer, the assets bucket) are stand-ins here, so only the construct-level test needs the CDK runtime.
/// </summary>
public sealed class StaticSiteValidationTests
{
    private const string SitePath = "Test/Site";
    private static readonly ConstructSite Site = new(SitePath, TestStacks.Account, TestStacks.Region);
    private static readonly ConstructSite UsEast1Site = new(SitePath, TestStacks.Account, "us-east-1");
    private static readonly ConstructSite EnvironmentAgnosticSite = new(SitePath, "${Token[AWS.AccountId.1]}", "${Token[AWS.Region.2]}");

    private static DjangoCdkValidationException Rejects(StaticSiteProps props, ConstructSite? site = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => StaticSiteSettings.Resolve(props, site ?? Site));

    private static IApplicationLoadBalancer LoadBalancer() => Sites.StandIn<IApplicationLoadBalancer>();

    private static IBucket AssetsBucket() => Sites.StandIn<IBucket>();

    [Fact]
    public void The_construct_validates_its_props_before_it_builds_anything()
    {
        // Given a stack
        var stack = TestStacks.New();

        // When a StaticSite gets a bad prop
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, FrontendDomainName = Sites.AppDomain }));

        // Then it throws with its own path and leaves no child behind
        Assert.Equal(SitePath, error.ConstructPath);
        Assert.Contains(SitePath, error.Message, StringComparison.Ordinal);
        Assert.Empty(stack.Node.FindChild(Sites.SiteId).Node.Children);
    }

    [Fact]
    public void Domain_without_its_zone_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, FrontendDomainName = Sites.AppDomain });

        Assert.Equal(nameof(StaticSiteProps.FrontendDomainName), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("ZoneName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zone_without_a_domain_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, ZoneName = Sites.ZoneName });

        Assert.Equal(nameof(StaticSiteProps.ZoneName), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Unset_dist_folder_is_rejected_when_required()
    {
        var error = Rejects(new StaticSiteProps { RequirePathToDist = true });

        Assert.Equal(nameof(StaticSiteProps.PathToDist), error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Equal(SitePath, error.ConstructPath);
    }

    [Fact]
    public void Missing_dist_folder_is_rejected_when_required()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = "frontend/no-such-dist", RequirePathToDist = true });

        Assert.Equal(nameof(StaticSiteProps.PathToDist), error.ParamName);
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Contains("'frontend/no-such-dist'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dist_folder_without_index_html_is_rejected_when_required()
    {
        var folder = Directory.CreateTempSubdirectory("djangocdk-dist-").FullName;

        var error = Rejects(new StaticSiteProps { PathToDist = folder, RequirePathToDist = true });

        Assert.Equal(nameof(StaticSiteProps.PathToDist), error.ParamName);
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Contains("index.html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_outside_us_east_1_is_rejected()
    {
        const string arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

        var error = Rejects(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            CertificateArn = arn,
        });

        Assert.Equal(nameof(StaticSiteProps.CertificateArn), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains(arn, error.Message, StringComparison.Ordinal);
        Assert.Contains("aws acm request-certificate --region us-east-1 --domain-name app.example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_without_certificate_outside_us_east_1_says_how_to_get_one()
    {
        // Given a stack in eu-west-1, where CloudFront cannot use a certificate created by the stack
        var error = Rejects(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
        });

        Assert.Equal(nameof(StaticSiteProps.CertificateArn), error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Contains("eu-west-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws acm request-certificate --region us-east-1 --domain-name app.example.com --validation-method DNS", error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy this stack in us-east-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_without_certificate_in_a_region_agnostic_stack_is_rejected()
    {
        var error = Rejects(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
        }, EnvironmentAgnosticSite);

        Assert.Equal(nameof(StaticSiteProps.CertificateArn), error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Contains("no fixed region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_without_certificate_is_accepted_in_us_east_1()
    {
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
        }, UsEast1Site);

        Assert.Equal(new SiteDomain(Sites.AppDomain, Sites.ZoneName, Sites.ZoneId, CertificateArn: null), settings.Domain);
    }

    [Fact]
    public void Unresolved_tokens_are_not_checked()
    {
        // Given values only known at deploy time (a parameter or an import), When resolved, Then they pass through
        const string token = "${Token[TOKEN.42]}";
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            CertificateArn = token,
            WebAclArn = token,
        }, Site);

        Assert.Equal(token, settings.Domain?.CertificateArn);
        Assert.Equal(token, settings.WebAclArn);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Public_media_without_an_assets_bucket_is_rejected(bool publicMedia)
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, PublicMedia = publicMedia });

        Assert.Equal(nameof(StaticSiteProps.PublicMedia), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("AssetsBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_path_patterns_without_a_load_balancer_are_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, ApiPathPatterns = ["/api/*"] });

        Assert.Equal(nameof(StaticSiteProps.ApiPathPatterns), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Load_balancer_domain_without_a_load_balancer_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancerDomainName = Sites.ApiDomain });

        Assert.Equal(nameof(StaticSiteProps.LoadBalancerDomainName), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Load_balancer_protocol_without_a_load_balancer_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancerUsesHttps = false });

        Assert.Equal(nameof(StaticSiteProps.LoadBalancerUsesHttps), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("'false'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/site/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")]
    [InlineData("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")]
    public void Web_acl_that_is_not_a_cloudfront_scoped_wafv2_acl_is_rejected(string arn)
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, WebAclArn = arn });

        Assert.Equal(nameof(StaticSiteProps.WebAclArn), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(20000)]
    public void Upload_memory_outside_lambda_limits_is_rejected(int memory)
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, DeploymentMemoryMiB = memory });

        Assert.Equal(nameof(StaticSiteProps.DeploymentMemoryMiB), error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Theory]
    [InlineData("assets/*")]
    [InlineData("/assets")]
    [InlineData("/*")]
    [InlineData("/assets/*.js")]
    public void Fingerprinted_path_that_is_not_one_folder_is_rejected(string pattern)
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, FingerprintedPathPattern = pattern });

        Assert.Equal(nameof(StaticSiteProps.FingerprintedPathPattern), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void Blank_content_security_policy_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, ContentSecurityPolicy = " " });

        Assert.Equal(nameof(StaticSiteProps.ContentSecurityPolicy), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    // Props beside a load balancer or an assets bucket.

    [Theory]
    [InlineData("api/*")]
    [InlineData("*.php")]
    [InlineData("")]
    [InlineData("/api/{id}")]
    public void Api_path_pattern_not_starting_with_a_slash_or_with_bad_characters_is_rejected(string pattern)
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), ApiPathPatterns = [pattern] });

        Assert.Equal(nameof(StaticSiteProps.ApiPathPatterns), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Theory]
    [InlineData("/static/*")]
    [InlineData("/media/*")]
    [InlineData("/st*")]
    [InlineData("/static/admin/*")]
    [InlineData("/*")]
    [InlineData("/assets/*")]
    public void Api_path_pattern_overlapping_static_public_media_or_assets_is_rejected(string pattern)
    {
        var error = Rejects(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            LoadBalancer = LoadBalancer(),
            AssetsBucket = AssetsBucket(),
            PublicMedia = true,
            ApiPathPatterns = ["/api/*", pattern],
        });

        Assert.Equal(nameof(StaticSiteProps.ApiPathPatterns), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains($"'{pattern}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_path_under_static_is_allowed_without_an_assets_bucket()
    {
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), ApiPathPatterns = ["/static/*"] }, Site);

        Assert.Equal(["/static/*"], settings.LoadBalancer?.ApiPathPatterns);
    }

    [Fact]
    public void Api_path_under_media_is_allowed_when_media_is_private()
    {
        // Private uploads have no /media/* behaviour, so the path is free, e.g. for Django views that check access.
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            LoadBalancer = LoadBalancer(),
            AssetsBucket = AssetsBucket(),
            ApiPathPatterns = ["/api/*", "/media/*"],
        }, Site);

        Assert.Equal(["/api/*", "/media/*"], settings.LoadBalancer?.ApiPathPatterns);
        Assert.Equal([Defaults.StaticPathPattern], settings.Assets?.PathPatterns);
    }

    [Fact]
    public void Duplicate_api_path_pattern_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), ApiPathPatterns = ["/api/*", "/api/*"] });

        Assert.Equal(nameof(StaticSiteProps.ApiPathPatterns), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Empty_api_path_patterns_are_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), ApiPathPatterns = [] });

        Assert.Equal(nameof(StaticSiteProps.ApiPathPatterns), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void Https_to_the_load_balancer_without_its_domain_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), LoadBalancerUsesHttps = true });

        Assert.Equal(nameof(StaticSiteProps.LoadBalancerUsesHttps), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("LoadBalancerDomainName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_load_balancer_domain_is_rejected()
    {
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = LoadBalancer(), LoadBalancerDomainName = "https://api.example.com/" });

        Assert.Equal(nameof(StaticSiteProps.LoadBalancerDomainName), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void Fingerprinted_path_under_django_static_is_rejected_with_an_assets_bucket()
    {
        // Create React App puts its hashed files in /static/: they would collide with Django's STATIC_URL.
        var error = Rejects(new StaticSiteProps { PathToDist = Sites.Dist, FingerprintedPathPattern = "/static/*", AssetsBucket = AssetsBucket() });

        Assert.Equal(nameof(StaticSiteProps.FingerprintedPathPattern), error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }
}
