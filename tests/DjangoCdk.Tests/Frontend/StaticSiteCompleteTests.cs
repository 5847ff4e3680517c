using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Frontend;

/// <summary>StaticSite with every option: domain, certificate, DNS, the Django load balancer and assets bucket, WAF, CSP.</summary>
public sealed class StaticSiteCompleteTests(StaticSiteCompleteFixture fixture) : IClassFixture<StaticSiteCompleteFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly StaticSite _site = fixture.Site;

    private static D Distribution(D config) => new() { ["DistributionConfig"] = Match.ObjectLike(config) };

    private static readonly string[] DefaultApiPatterns = ["/api/*", "/admin/*", "/graphql*"];

    /// <summary>Every cache behaviour of the distribution, as JSON.</summary>
    private List<JsonNode> CacheBehaviors()
    {
        var distributions = _template.FindResources("AWS::CloudFront::Distribution");
        var json = JsonNode.Parse(JsonSerializer.Serialize(distributions.Values.Single()))!;
        return json["Properties"]!["DistributionConfig"]!["CacheBehaviors"]!.AsArray().Select(b => b!).ToList();
    }

    /// <summary>The behaviour CloudFront applies to <paramref name="path"/>: the first in order whose pattern matches; null for the default one.</summary>
    private JsonNode? FirstBehaviorFor(string path) =>
        CacheBehaviors().FirstOrDefault(b => CloudFrontPathPattern.Matches(b["PathPattern"]!.GetValue<string>(), path));

    private string LoadBalancerOriginId()
    {
        var id = new Capture();
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D { ["DomainName"] = Sites.ApiDomain, ["Id"] = id })]),
        }));
        return id.AsString();
    }

    /// <summary>The distribution has a behaviour for <paramref name="pathPattern"/> with these properties.</summary>
    private void HasBehavior(string pathPattern, D properties) =>
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = Match.ArrayWith([Match.ObjectLike(new D(properties) { ["PathPattern"] = pathPattern })]),
        }));

    [Fact]
    public void Certificate_is_created_and_validated_in_the_hosted_zone_when_the_stack_is_in_us_east_1()
    {
        // Given a domain and no CertificateArn in a us-east-1 stack, Then a DNS-validated certificate is created there.
        _template.HasResourceProperties("AWS::CertificateManager::Certificate", new D
        {
            ["DomainName"] = Sites.AppDomain,
            ["ValidationMethod"] = "DNS",
            ["DomainValidationOptions"] = new object[] { new D { ["DomainName"] = Sites.AppDomain, ["HostedZoneId"] = Sites.ZoneId } },
        });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Aliases"] = new object[] { Sites.AppDomain },
            ["ViewerCertificate"] = new D
            {
                ["AcmCertificateArn"] = Sites.Ref(_site.Certificate!),
                ["MinimumProtocolVersion"] = "TLSv1.2_2021",
                ["SslSupportMethod"] = "sni-only",
            },
        }));
    }

    [Fact]
    public void A_and_aaaa_alias_records_point_at_the_distribution()
    {
        foreach (var type in new[] { "A", "AAAA" })
        {
            _template.HasResourceProperties("AWS::Route53::RecordSet", new D
            {
                ["Name"] = Sites.AppDomain + ".",
                ["Type"] = type,
                ["HostedZoneId"] = Sites.ZoneId,
                ["AliasTarget"] = Match.ObjectLike(new D { ["DNSName"] = Sites.GetAtt(_site.Distribution, "DomainName") }),
            });
        }

        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D { ["IPV6Enabled"] = true }));
    }

    [Fact]
    public void Domain_name_and_url_are_the_frontend_domain()
    {
        Assert.Equal(Sites.AppDomain, _site.DomainName);
        Assert.Equal("https://" + Sites.AppDomain, _site.Url);
    }

    [Fact]
    public void Api_paths_go_to_the_load_balancer_uncached_with_every_viewer_header_cookie_and_query_string()
    {
        // Given a load balancer and the default ApiPathPatterns, Then each pattern forwards everything and caches nothing.
        foreach (var pattern in DefaultApiPatterns)
        {
            HasBehavior(pattern, new D
            {
                ["CachePolicyId"] = Sites.CachingDisabled,
                ["OriginRequestPolicyId"] = Sites.AllViewerAndCloudFrontHeaders,
                ["AllowedMethods"] = new object[] { "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE" },
                ["ViewerProtocolPolicy"] = "redirect-to-https",
                ["FunctionAssociations"] = Match.Absent(),
            });
        }
    }

    [Fact]
    public void Load_balancer_is_reached_over_https_with_tls_1_2_on_its_domain()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D
            {
                ["DomainName"] = Sites.ApiDomain,
                ["CustomOriginConfig"] = Match.ObjectLike(new D { ["OriginProtocolPolicy"] = "https-only", ["OriginSSLProtocols"] = new object[] { "TLSv1.2" } }),
            })]),
        }));
    }

    [Fact]
    public void Origin_header_value_is_generated_in_secrets_manager_and_only_referenced_in_the_template()
    {
        // Given a load balancer, Then the header value is a generated secret that the template holds only as a dynamic reference.
        var secret = Sites.LogicalId(_site.OriginSecret!);
        var reference = new D { ["Fn::Join"] = new object[] { "", new object[] { "{{resolve:secretsmanager:", new D { ["Ref"] = secret }, ":SecretString:::}}" } } };

        _template.HasResourceProperties("AWS::SecretsManager::Secret", new D
        {
            ["GenerateSecretString"] = Match.ObjectLike(new D { ["PasswordLength"] = 64, ["ExcludePunctuation"] = true }),
            ["SecretString"] = Match.Absent(),
        });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D
            {
                ["DomainName"] = Sites.ApiDomain,
                ["OriginCustomHeaders"] = new object[] { new D { ["HeaderName"] = StaticSite.OriginVerifyHeaderName, ["HeaderValue"] = reference } },
            })]),
        }));
        _template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", new D
        {
            ["Conditions"] = new object[] { new D { ["Field"] = "http-header", ["HttpHeaderConfig"] = new D { ["HttpHeaderName"] = "X-Origin-Verify", ["Values"] = new object[] { reference } } } },
        });
    }

    [Fact]
    public void Restricted_listener_forwards_only_requests_carrying_the_origin_header_and_refuses_the_rest()
    {
        _template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", new D
        {
            ["ListenerArn"] = Sites.Ref(fixture.Listener),
            ["Priority"] = 1,
            ["Actions"] = new object[] { new D { ["Type"] = "forward", ["TargetGroupArn"] = Sites.Ref(fixture.WebTargets) } },
            ["Conditions"] = new object[] { Match.ObjectLike(new D { ["Field"] = "http-header" }) },
        });
        _template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new D
        {
            ["Port"] = 443,
            ["DefaultActions"] = new object[]
            {
                new D { ["Type"] = "fixed-response", ["FixedResponseConfig"] = new D { ["StatusCode"] = "403", ["ContentType"] = "text/plain", ["MessageBody"] = "Forbidden" } },
            },
        });
    }

    [Fact]
    public void Restricted_listener_admits_only_cloudfront_origin_facing_addresses()
    {
        // Given RestrictLoadBalancerToCloudFront, Then the prefix list is read at deploy time and is the only source of port 443.
        var (lookupId, _) = Assert.Single(_template.FindResources("Custom::AWS"));
        _template.HasResourceProperties("Custom::AWS", new D
        {
            ["Create"] = Match.SerializedJson(Match.ObjectLike(new D
            {
                ["action"] = "describeManagedPrefixLists",
                ["parameters"] = new D
                {
                    ["Filters"] = new object[] { Match.ObjectLike(new D { ["Values"] = new object[] { "com.amazonaws.global.cloudfront.origin-facing" } }) },
                },
            })),
        });
        _template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new D
        {
            ["FromPort"] = 443,
            ["ToPort"] = 443,
            ["IpProtocol"] = "tcp",
            ["SourcePrefixListId"] = new D { ["Fn::GetAtt"] = new object[] { lookupId, "PrefixLists.0.PrefixListId" } },
            ["GroupId"] = Match.AnyValue(),
        });
        _template.HasResourceProperties("AWS::EC2::SecurityGroup", new D { ["SecurityGroupIngress"] = Match.Absent() });
        _template.HasResourceProperties("AWS::Lambda::Function", new D { ["Runtime"] = "nodejs24.x", ["Handler"] = "index.handler" });
    }

    [Fact]
    public void Static_and_public_media_paths_are_served_from_the_assets_bucket_through_origin_access_control()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D
            {
                ["DomainName"] = Sites.GetAtt(fixture.AssetsBucket, "RegionalDomainName"),
                ["OriginAccessControlId"] = Match.AnyValue(),
                ["S3OriginConfig"] = new D { ["OriginAccessIdentity"] = "" },
            })]),
        }));
        var assetsOrigin = new Capture();
        HasBehavior("/static/*", new D { ["TargetOriginId"] = assetsOrigin });
        HasBehavior("/media/*", new D { ["TargetOriginId"] = assetsOrigin.AsString() });
        HasBehavior("/assets/*", new D { ["TargetOriginId"] = Match.Not(assetsOrigin.AsString()) });
    }

    [Fact]
    public void Assets_bucket_with_public_media_lets_only_this_distribution_read_static_and_media()
    {
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(fixture.AssetsBucket),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["Effect"] = "Allow",
                    ["Action"] = "s3:GetObject",
                    ["Principal"] = new D { ["Service"] = "cloudfront.amazonaws.com" },
                    ["Resource"] = new object[]
                    {
                        new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(fixture.AssetsBucket, "Arn"), "/static/*" } } },
                        new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(fixture.AssetsBucket, "Arn"), "/media/*" } } },
                    },
                    ["Condition"] = new D { ["StringEquals"] = new D { ["AWS:SourceArn"] = Match.AnyValue() } },
                })]),
            }),
        });
    }

    [Fact]
    public void Static_files_are_cached_long_and_media_briefly()
    {
        _template.HasResourceProperties("AWS::CloudFront::CachePolicy", new D
        {
            ["CachePolicyConfig"] = Match.ObjectLike(new D { ["DefaultTTL"] = 60, ["MinTTL"] = 0, ["MaxTTL"] = 86400 }),
        });
        HasBehavior("/static/*", new D { ["CachePolicyId"] = Sites.CachingOptimized });
        HasBehavior("/media/*", new D { ["CachePolicyId"] = Sites.Ref(_site.Node.FindChild(StaticSite.Ids.MediaCache)) });
    }

    [Fact]
    public void Only_the_default_behaviour_runs_the_routing_function()
    {
        var behaviors = CacheBehaviors();

        Assert.Equal(["/assets/*", "/static/*", "/media/*", .. DefaultApiPatterns], behaviors.Select(b => b["PathPattern"]!.GetValue<string>()));
        Assert.All(behaviors, b => Assert.Null(b["FunctionAssociations"]));
    }

    [Fact]
    public void Content_security_policy_applies_to_the_app_but_not_to_django()
    {
        _template.HasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", new D
        {
            ["ResponseHeadersPolicyConfig"] = Match.ObjectLike(new D
            {
                ["SecurityHeadersConfig"] = Match.ObjectLike(new D
                {
                    ["ContentSecurityPolicy"] = new D { ["ContentSecurityPolicy"] = StaticSiteCompleteFixture.ContentSecurityPolicy, ["Override"] = true },
                }),
            }),
        });
        var spaHeaders = Sites.Ref(_site.Node.FindChild(StaticSite.Ids.SpaSecurityHeaders));
        HasBehavior("/assets/*", new D { ["ResponseHeadersPolicyId"] = spaHeaders });
        foreach (var django in new[] { "/static/*", "/media/*", "/api/*", "/admin/*", "/graphql*" })
            HasBehavior(django, new D { ["ResponseHeadersPolicyId"] = Sites.Ref(_site.SecurityHeadersPolicy) });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["DefaultCacheBehavior"] = Match.ObjectLike(new D { ["ResponseHeadersPolicyId"] = spaHeaders }),
        }));
    }

    [Fact]
    public void Web_acl_geo_restriction_and_price_class_are_applied_and_not_suppressed()
    {
        _template.HasResource("AWS::CloudFront::Distribution", Match.ObjectLike(new D
        {
            ["Properties"] = Distribution(new D
            {
                ["WebACLId"] = Sites.WebAclArn,
                ["PriceClass"] = "PriceClass_All",
                ["Restrictions"] = new D { ["GeoRestriction"] = new D { ["RestrictionType"] = "whitelist", ["Locations"] = new object[] { "DE", "FR", "US" } } },
            }),
            ["Metadata"] = Match.Absent(),
        }));
    }

    [Fact]
    public void Upload_function_memory_follows_the_prop()
    {
        _template.HasResourceProperties("AWS::Lambda::Function", new D { ["MemorySize"] = 1024, ["Runtime"] = "python3.13" });
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    [InlineData("/api/posts/42")]
    [InlineData("/admin/")]
    public void Django_paths_reach_the_load_balancer_with_every_method(string path)
    {
        // Given the default ApiPathPatterns, When CloudFront picks the first behaviour matching the path (its documented
        // order and wildcards), Then it is one that sends POST to the load balancer: POST /graphql is Graphene's default.
        var behavior = FirstBehaviorFor(path);

        Assert.NotNull(behavior);
        Assert.Equal(LoadBalancerOriginId(), behavior["TargetOriginId"]!.GetValue<string>());
        Assert.Contains("POST", behavior["AllowedMethods"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/static/app.css", "/static/*")]
    [InlineData("/media/avatars/a.png", "/media/*")]
    [InlineData("/assets/app.3f9c2b1d.js", "/assets/*")]
    [InlineData("/posts/42", null)]
    public void Other_paths_keep_their_own_behaviour(string path, string? expectedPattern)
    {
        var behavior = FirstBehaviorFor(path);

        Assert.Equal(expectedPattern, behavior?["PathPattern"]!.GetValue<string>());
    }

    [Fact]
    public void Complete_site_synthesizes_without_warnings()
    {
        Annotations.FromStack(fixture.Stack).HasNoWarning("*", Match.AnyValue());
    }
}
