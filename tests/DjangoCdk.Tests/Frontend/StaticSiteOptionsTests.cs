using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Frontend;

/// <summary>StaticSite configurations that each need their own stack.</summary>
public sealed class StaticSiteOptionsTests
{
    private static D Distribution(D config) => new() { ["DistributionConfig"] = Match.ObjectLike(config) };

    [Fact]
    public void Given_certificate_arn_from_us_east_1_is_used_in_any_stack_region()
    {
        // Given a stack in eu-west-1 and a us-east-1 certificate
        var stack = TestStacks.New();

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            FrontendDomainName = Sites.AppDomain,
            ZoneName = Sites.ZoneName,
            HostedZoneId = Sites.ZoneId,
            CertificateArn = Sites.UsEast1CertificateArn,
        });

        // Then
        var template = stack.Template();
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["ViewerCertificate"] = new D { ["AcmCertificateArn"] = Sites.UsEast1CertificateArn, ["MinimumProtocolVersion"] = "TLSv1.2_2021", ["SslSupportMethod"] = "sni-only" },
        }));
    }

    [Fact]
    public void Missing_dist_folder_warns_and_uploads_nothing()
    {
        // Given a PathToDist that was never built
        var stack = TestStacks.New();
        var missing = Path.Combine(Path.GetTempPath(), "djangocdk-no-such-dist-" + Guid.NewGuid().ToString("N"));

        // When
        var site = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = missing });

        // Then
        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp(System.Text.RegularExpressions.Regex.Escape(missing) + ".*does not exist"));
        var template = stack.Template();
        template.ResourceCountIs("Custom::CDKBucketDeployment", 0);
        template.ResourceCountIs("AWS::Lambda::Function", 0);
        Assert.Null(site.SiteDeployment);
        template.ResourceCountIs("AWS::CloudFront::Distribution", 1);
    }

    [Fact]
    public void Unset_dist_folder_warns_and_uploads_nothing()
    {
        var stack = TestStacks.New();

        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps());

        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp("PathToDist is not set"));
        stack.Template().ResourceCountIs("Custom::CDKBucketDeployment", 0);
    }

    [Fact]
    public void Dist_folder_without_index_html_warns()
    {
        // Given a folder that holds no index.html
        var stack = TestStacks.New();
        var folder = Directory.CreateTempSubdirectory("djangocdk-dist-").FullName;
        File.WriteAllText(Path.Combine(folder, "app.js"), "console.log('hi');");

        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = folder });

        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp("has no index.html"));
        stack.Template().ResourceCountIs("Custom::CDKBucketDeployment", 2);
    }

    [Fact]
    public void Load_balancer_without_a_domain_is_reached_over_http_with_a_warning()
    {
        // Given a load balancer and no LoadBalancerDomainName
        var stack = Sites.UsEast1();
        var alb = Sites.ImportedLoadBalancer(stack);

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = alb });

        // Then CloudFront uses HTTP to the ALB's own DNS name, says so, and the cdk-nag finding carries the reason
        var template = stack.Template();
        template.HasResource("AWS::CloudFront::Distribution", Match.ObjectLike(new D
        {
            ["Properties"] = Distribution(new D
            {
                ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["DomainName"] = "django-123456789.us-east-1.elb.amazonaws.com",
                    ["CustomOriginConfig"] = Match.ObjectLike(new D { ["OriginProtocolPolicy"] = "http-only" }),
                })]),
            }),
            ["Metadata"] = new D { ["cdk_nag"] = new D { ["rules_to_suppress"] = Match.ArrayWith([Match.ObjectLike(new D { ["id"] = "AwsSolutions-CFR5" })]) } },
        }));
        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp("over plain HTTP"));
    }

    [Fact]
    public void Load_balancer_never_locked_to_cloudfront_gives_a_warning()
    {
        // Given a load balancer and no call to RestrictLoadBalancerToCloudFront
        var stack = Sites.UsEast1();

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = Sites.ImportedLoadBalancer(stack) });

        // Then
        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp("RestrictLoadBalancerToCloudFront was never called"));
    }

    [Fact]
    public void Api_path_patterns_can_be_replaced()
    {
        var stack = Sites.UsEast1();

        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps
        {
            PathToDist = Sites.Dist,
            LoadBalancer = Sites.ImportedLoadBalancer(stack),
            ApiPathPatterns = ["/v2/*", "/accounts/*"],
        });

        stack.Template().HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = new object[]
            {
                Match.ObjectLike(new D { ["PathPattern"] = "/assets/*" }),
                Match.ObjectLike(new D { ["PathPattern"] = "/v2/*", ["CachePolicyId"] = Sites.CachingDisabled }),
                Match.ObjectLike(new D { ["PathPattern"] = "/accounts/*", ["CachePolicyId"] = Sites.CachingDisabled }),
            },
        }));
    }

    [Fact]
    public void Fingerprinted_path_can_follow_the_build_tool()
    {
        var stack = TestStacks.New();

        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, FingerprintedPathPattern = "/js/*" });

        var template = stack.Template();
        template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = new object[] { Match.ObjectLike(new D { ["PathPattern"] = "/js/*", ["CachePolicyId"] = Sites.CachingOptimized }) },
        }));
        template.HasResourceProperties("Custom::CDKBucketDeployment", new D { ["Include"] = new object[] { "js/*" }, ["Prune"] = false });
        template.HasResourceProperties("Custom::CDKBucketDeployment", new D { ["Exclude"] = new object[] { "js/*" }, ["Prune"] = true });
    }

    [Fact]
    public void Restricting_an_open_listener_warns_that_the_prefix_list_adds_nothing()
    {
        // Given a listener created with the CDK default Open = true
        var stack = Sites.UsEast1();
        var (alb, listener, web) = Sites.LoadBalancer(stack, open: true);
        var site = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = alb, LoadBalancerDomainName = Sites.ApiDomain });

        // When
        site.RestrictLoadBalancerToCloudFront(listener, [web]);

        // Then
        Annotations.FromStack(stack).HasWarning("/Test/Site", Match.StringLikeRegexp("Open = false"));
    }

    [Fact]
    public void Restricting_a_listener_without_a_load_balancer_is_an_error()
    {
        var stack = Sites.UsEast1();
        var (_, listener, web) = Sites.LoadBalancer(stack);
        var site = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist });

        var error = Assert.Throws<DjangoCdkValidationException>(() => site.RestrictLoadBalancerToCloudFront(listener, [web]));

        Assert.Equal(nameof(StaticSiteProps.LoadBalancer), error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
    }

    [Fact]
    public void Restricting_a_listener_without_target_groups_is_an_error()
    {
        var stack = Sites.UsEast1();
        var (alb, listener, _) = Sites.LoadBalancer(stack);
        var site = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, LoadBalancer = alb });

        var error = Assert.Throws<DjangoCdkValidationException>(() => site.RestrictLoadBalancerToCloudFront(listener, []));

        Assert.Equal("targetGroups", error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
    }

    [Fact]
    public void Assets_bucket_serves_static_files_but_keeps_uploads_private_by_default()
    {
        // Given Django's bucket in the same stack and no PublicMedia
        var stack = TestStacks.New();
        var assets = new Bucket(stack, "StaticFiles");

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, AssetsBucket = assets });

        // Then only /static/* goes to the bucket, CloudFront may read only static/*, and no media cache policy exists
        var template = stack.Template();
        template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = new object[]
            {
                Match.ObjectLike(new D { ["PathPattern"] = "/assets/*" }),
                Match.ObjectLike(new D { ["PathPattern"] = "/static/*", ["CachePolicyId"] = Sites.CachingOptimized }),
            },
        }));
        template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(assets),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["Sid"] = "AllowCloudFrontReadStatic",
                    ["Effect"] = "Allow",
                    ["Principal"] = new D { ["Service"] = "cloudfront.amazonaws.com" },
                    ["Action"] = "s3:GetObject",
                    ["Resource"] = new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(assets, "Arn"), "/static/*" } } },
                })]),
            }),
        });
        template.ResourceCountIs("AWS::CloudFront::CachePolicy", 0);
    }

    [Fact]
    public void Public_media_serves_uploads_from_the_assets_bucket_with_a_short_cache()
    {
        // Given Django's bucket and PublicMedia
        var stack = TestStacks.New();
        var assets = new Bucket(stack, "StaticFiles");

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, AssetsBucket = assets, PublicMedia = true });

        // Then /media/* follows /static/* to the same bucket, and CloudFront may read both prefixes
        var template = stack.Template();
        template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = new object[]
            {
                Match.ObjectLike(new D { ["PathPattern"] = "/assets/*" }),
                Match.ObjectLike(new D { ["PathPattern"] = "/static/*" }),
                Match.ObjectLike(new D { ["PathPattern"] = "/media/*", ["CachePolicyId"] = Match.ObjectLike(new D { ["Ref"] = Match.StringLikeRegexp("MediaCache") }) }),
            },
        }));
        template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(assets),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["Principal"] = new D { ["Service"] = "cloudfront.amazonaws.com" },
                    ["Resource"] = new object[]
                    {
                        new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(assets, "Arn"), "/static/*" } } },
                        new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(assets, "Arn"), "/media/*" } } },
                    },
                })]),
            }),
        });
        template.HasResourceProperties("AWS::CloudFront::CachePolicy", new D
        {
            ["CachePolicyConfig"] = Match.ObjectLike(new D { ["DefaultTTL"] = 60, ["MaxTTL"] = 86400 }),
        });
    }

    [Fact]
    public void Imported_assets_bucket_warns_that_its_policy_must_be_added_by_hand()
    {
        // Given Django's bucket imported by name
        var stack = TestStacks.New();
        var imported = Bucket.FromBucketName(stack, "Imported", "django-static-files");

        // When
        _ = new StaticSite(stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, AssetsBucket = imported });

        // Then the distribution reads it through OAC, and the user is told exactly which statement to add
        var template = stack.Template();
        template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D { ["OriginAccessControlId"] = Match.AnyValue(), ["DomainName"] = Match.StringLikeRegexp("django-static-files") })]),
        }));
        template.ResourceCountIs("AWS::S3::BucketPolicy", 2);
        var annotations = Annotations.FromStack(stack);
        annotations.HasWarning("/Test/Site", Match.StringLikeRegexp("must.*be added|Add this statement"));
        annotations.HasNoWarning("*", Match.StringLikeRegexp("Cannot update bucket policy"));
    }

    [Fact]
    public void Assets_bucket_of_another_stack_is_not_changed_and_warns()
    {
        // Given Django's bucket in another stack of the app (a cross-stack policy would create a dependency cycle)
        var app = TestStacks.NewApp();
        var env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = TestStacks.Region };
        var backend = new Stack(app, "Backend", new StackProps { Env = env });
        var bucket = new Bucket(backend, "StaticFiles");
        var frontend = new Stack(app, "Frontend", new StackProps { Env = env });

        // When
        _ = new StaticSite(frontend, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist, AssetsBucket = bucket });

        // Then both synthesize, the backend's bucket has no policy, and the frontend warns
        Template.FromStack(backend).ResourceCountIs("AWS::S3::BucketPolicy", 0);
        Annotations.FromStack(frontend).HasWarning("/Frontend/Site", Match.StringLikeRegexp("Add this statement"));
    }

    [Fact]
    public void Two_sites_can_share_a_stack()
    {
        var stack = TestStacks.New();

        _ = new StaticSite(stack, "Blog", new StaticSiteProps { PathToDist = Sites.Dist });
        _ = new StaticSite(stack, "Shop", new StaticSiteProps { PathToDist = Sites.Dist });

        var template = stack.Template();
        template.ResourceCountIs("AWS::CloudFront::Distribution", 2);
        template.ResourceCountIs("Custom::CDKBucketDeployment", 4);
        // One shared upload function, with one reviewed suppression per site bucket.
        template.ResourceCountIs("AWS::Lambda::Function", 1);
        template.HasResource("AWS::IAM::Policy", Match.ObjectLike(new D
        {
            ["Metadata"] = new D
            {
                ["cdk_nag"] = new D
                {
                    ["rules_to_suppress"] = Match.ArrayWith(
                    [
                        Match.ObjectLike(new D { ["applies_to"] = Match.ArrayWith(["Resource::*"]) }),
                        Match.ObjectLike(new D { ["applies_to"] = new object[] { Match.StringLikeRegexp("Resource::<Blog") } }),
                        Match.ObjectLike(new D { ["applies_to"] = new object[] { Match.StringLikeRegexp("Resource::<Shop") } }),
                    ]),
                },
            },
        }));
    }
}
