using System.Text.Json;
using Amazon.CDK.Assertions;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Frontend;

/// <summary>StaticSite with its defaults: bucket, distribution, SPA routing, caching and the upload.</summary>
public sealed class StaticSiteDefaultsTests(StaticSiteDefaultsFixture fixture) : IClassFixture<StaticSiteDefaultsFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly StaticSite _site = fixture.Site;

    private static D Distribution(D config) => new() { ["DistributionConfig"] = Match.ObjectLike(config) };

    [Fact]
    public void Site_bucket_is_private_encrypted_versioned_and_retained()
    {
        // Given the defaults (fixture), When synthesized, Then the site bucket is locked down and kept.
        _template.HasResource("AWS::S3::Bucket", DjangoCdk.Tests.TestSupport.Patterns.PrivateAssetsBucket(Sites.Ref(_site.LogsBucket),
            [("WebsiteConfiguration", Match.Absent())],
            ("DeletionPolicy", "Retain"), ("UpdateReplacePolicy", "Retain")));
    }

    [Fact]
    public void Site_bucket_refuses_requests_without_tls()
    {
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(_site.Bucket),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["Effect"] = "Deny",
                    ["Action"] = "s3:*",
                    ["Condition"] = new D { ["Bool"] = new D { ["aws:SecureTransport"] = "false" } },
                })]),
            }),
        });
    }

    [Fact]
    public void Only_this_distribution_reads_the_site_bucket_through_origin_access_control()
    {
        // Given the site bucket, Then CloudFront signs its requests (OAC), no OAI exists, and the bucket admits only this distribution.
        _template.HasResourceProperties("AWS::CloudFront::OriginAccessControl", new D
        {
            ["OriginAccessControlConfig"] = Match.ObjectLike(new D { ["OriginAccessControlOriginType"] = "s3", ["SigningBehavior"] = "always", ["SigningProtocol"] = "sigv4" }),
        });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = Match.ArrayWith([Match.ObjectLike(new D
            {
                ["DomainName"] = Sites.GetAtt(_site.Bucket, "RegionalDomainName"),
                ["OriginAccessControlId"] = Match.AnyValue(),
                ["S3OriginConfig"] = new D { ["OriginAccessIdentity"] = "" },
            })]),
        }));
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(_site.Bucket),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new D
                {
                    ["Effect"] = "Allow",
                    ["Action"] = "s3:GetObject",
                    ["Principal"] = new D { ["Service"] = "cloudfront.amazonaws.com" },
                    ["Condition"] = new D { ["StringEquals"] = new D { ["AWS:SourceArn"] = Match.ObjectLike(new D
                    {
                        ["Fn::Join"] = Match.ArrayWith([Match.ArrayWith([Sites.Ref(_site.Distribution)])]),
                    }) } },
                })]),
            }),
        });
        _template.ResourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
    }

    [Fact]
    public void Viewers_are_redirected_to_https_over_http2_and_http3_with_ipv6()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["HttpVersion"] = "http2and3",
            ["IPV6Enabled"] = true,
            ["DefaultCacheBehavior"] = Match.ObjectLike(new D { ["ViewerProtocolPolicy"] = "redirect-to-https", ["Compress"] = true }),
        }));
    }

    [Fact]
    public void The_site_root_serves_index_html()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D { ["DefaultRootObject"] = "index.html" }));
    }

    [Fact]
    public void Responses_carry_hsts_nosniff_frame_deny_and_a_strict_referrer_policy()
    {
        _template.HasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", new D
        {
            ["ResponseHeadersPolicyConfig"] = Match.ObjectLike(new D
            {
                ["SecurityHeadersConfig"] = new D
                {
                    ["StrictTransportSecurity"] = new D { ["AccessControlMaxAgeSec"] = 63072000, ["IncludeSubdomains"] = true, ["Override"] = true },
                    ["ContentTypeOptions"] = new D { ["Override"] = true },
                    ["FrameOptions"] = new D { ["FrameOption"] = "DENY", ["Override"] = true },
                    ["ReferrerPolicy"] = new D { ["ReferrerPolicy"] = "strict-origin-when-cross-origin", ["Override"] = true },
                },
            }),
        });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["DefaultCacheBehavior"] = Match.ObjectLike(new D { ["ResponseHeadersPolicyId"] = Sites.Ref(_site.SecurityHeadersPolicy) }),
        }));
    }

    [Fact]
    public void Access_logs_go_to_the_logs_bucket()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Logging"] = new D { ["Bucket"] = Sites.GetAtt(_site.LogsBucket, "RegionalDomainName"), ["Prefix"] = "cloudfront/", ["IncludeCookies"] = false },
        }));
        // CloudFront standard logging writes with ACLs: the logs bucket keeps them enabled for its owner.
        _template.HasResourceProperties("AWS::S3::Bucket", new D
        {
            ["OwnershipControls"] = new D { ["Rules"] = new object[] { new D { ["ObjectOwnership"] = "BucketOwnerPreferred" } } },
        });
    }

    [Fact]
    public void Price_class_defaults_to_north_america_and_europe()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D { ["PriceClass"] = "PriceClass_100" }));
    }

    [Fact]
    public void Deep_links_are_rewritten_to_index_html_by_a_viewer_request_function()
    {
        // Given the default (S3) behaviour, Then a cloudfront-js-2.0 function runs on viewer requests with the SPA routing code.
        _template.HasResourceProperties("AWS::CloudFront::Function", new D
        {
            ["FunctionCode"] = SpaRoutingFunction.Code,
            ["FunctionConfig"] = Match.ObjectLike(new D { ["Runtime"] = "cloudfront-js-2.0" }),
            ["AutoPublish"] = true,
        });
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["DefaultCacheBehavior"] = Match.ObjectLike(new D
            {
                ["FunctionAssociations"] = new object[] { new D { ["EventType"] = "viewer-request", ["FunctionARN"] = Sites.GetAtt(_site.RoutingFunction, "FunctionARN") } },
            }),
        }));
    }

    [Fact]
    public void Missing_files_are_not_turned_into_index_html_distribution_wide()
    {
        // Distribution-wide error responses would also answer the API's 404s with index.html and status 200.
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D { ["CustomErrorResponses"] = Match.Absent() }));
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_for_a_year_without_the_routing_function()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["CacheBehaviors"] = Match.ArrayWith([Match.ObjectLike(new D
            {
                ["PathPattern"] = "/assets/*",
                ["CachePolicyId"] = Sites.CachingOptimized,
                ["ViewerProtocolPolicy"] = "redirect-to-https",
                ["FunctionAssociations"] = Match.Absent(),
            })]),
        }));
        _template.HasResourceProperties("Custom::CDKBucketDeployment", new D
        {
            ["Include"] = new object[] { "assets/*" },
            ["SystemMetadata"] = new D { ["cache-control"] = "public, max-age=31536000, immutable" },
        });
    }

    [Fact]
    public void Index_html_and_other_unversioned_files_are_uploaded_with_no_cache()
    {
        _template.HasResourceProperties("Custom::CDKBucketDeployment", new D
        {
            ["Exclude"] = new object[] { "assets/*" },
            ["Include"] = Match.Absent(),
            ["SystemMetadata"] = new D { ["cache-control"] = "no-cache" },
        });
    }

    [Fact]
    public void Every_deploy_invalidates_the_distribution()
    {
        _template.HasResourceProperties("Custom::CDKBucketDeployment", new D
        {
            ["DistributionId"] = Sites.Ref(_site.Distribution),
            ["DistributionPaths"] = new object[] { "/*" },
        });
    }

    [Fact]
    public void Fingerprinted_files_are_uploaded_before_index_html()
    {
        var assetsUpload = Sites.LogicalId(_site.AssetsDeployment!.Node.FindAll().OfType<Amazon.CDK.CfnResource>().Single(r => r.CfnResourceType == "Custom::CDKBucketDeployment"));

        _template.HasResource("Custom::CDKBucketDeployment", Match.ObjectLike(new D
        {
            ["Properties"] = Match.ObjectLike(new D { ["SystemMetadata"] = new D { ["cache-control"] = "no-cache" } }),
            ["DependsOn"] = Match.ArrayWith([assetsUpload]),
        }));
    }

    [Fact]
    public void Old_fingerprinted_files_are_kept_so_open_tabs_still_load_them()
    {
        _template.HasResourceProperties("Custom::CDKBucketDeployment", new D { ["Include"] = new object[] { "assets/*" }, ["Prune"] = false });
        _template.HasResourceProperties("Custom::CDKBucketDeployment", new D { ["Exclude"] = new object[] { "assets/*" }, ["Prune"] = true });
    }

    [Fact]
    public void Upload_function_has_512_MiB_and_reviewed_cdk_nag_findings()
    {
        _template.HasResource("AWS::Lambda::Function", Match.ObjectLike(new D
        {
            ["Properties"] = Match.ObjectLike(new D { ["MemorySize"] = 512, ["Runtime"] = "python3.13", ["Layers"] = Match.AnyValue() }),
            ["Metadata"] = new D { ["cdk_nag"] = new D { ["rules_to_suppress"] = Match.ArrayWith([Match.ObjectLike(new D { ["id"] = "AwsSolutions-L1" })]) } },
        }));
        _template.HasResource("AWS::IAM::Policy", Match.ObjectLike(new D
        {
            ["Metadata"] = new D
            {
                ["cdk_nag"] = new D
                {
                    ["rules_to_suppress"] = Match.ArrayWith(
                    [
                        Match.ObjectLike(new D { ["id"] = "AwsSolutions-IAM5", ["applies_to"] = Match.ArrayWith(["Action::s3:GetObject*", "Resource::*"]) }),
                        Match.ObjectLike(new D { ["id"] = "AwsSolutions-IAM5", ["applies_to"] = new object[] { $"Resource::<{Sites.LogicalId(_site.Bucket)}.Arn>/*" } }),
                    ]),
                },
            },
        }));
    }

    [Fact]
    public void Without_a_domain_the_site_is_served_on_its_cloudfront_name_with_a_warning()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Aliases"] = Match.Absent(),
            ["ViewerCertificate"] = Match.Absent(),
        }));
        Assert.Equal(Json(Sites.GetAtt(_site.Distribution, "DomainName")), Json(fixture.Stack.Resolve(_site.DomainName)));
        Annotations.FromStack(fixture.Stack).HasWarning("/Test/Site", Match.StringLikeRegexp("FrontendDomainName is not set"));
        _template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        _template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
    }

    [Fact]
    public void Outputs_give_the_url_distribution_id_and_bucket_name_under_readable_keys()
    {
        // The construct's path below the stack, then the output's name: what the console and cdk deploy show.
        var url = new D { ["Fn::Join"] = new object[] { "", new object[] { "https://", Sites.GetAtt(_site.Distribution, "DomainName") } } };

        _template.HasOutput(Sites.SiteId + "Url", new D { ["Value"] = url, ["Description"] = "The single-page app" });
        _template.HasOutput(Sites.SiteId + "DistributionId", new D { ["Value"] = Sites.Ref(_site.Distribution), ["Description"] = Match.StringLikeRegexp("CloudFront distribution") });
        _template.HasOutput(Sites.SiteId + "BucketName", new D { ["Value"] = Sites.Ref(_site.Bucket), ["Description"] = Match.StringLikeRegexp("Bucket") });
    }

    [Fact]
    public void Without_a_load_balancer_or_assets_bucket_only_the_site_bucket_is_an_origin()
    {
        _template.HasResourceProperties("AWS::CloudFront::Distribution", Distribution(new D
        {
            ["Origins"] = new object[] { Match.ObjectLike(new D { ["DomainName"] = Sites.GetAtt(_site.Bucket, "RegionalDomainName") }) },
            ["CacheBehaviors"] = new object[] { Match.ObjectLike(new D { ["PathPattern"] = "/assets/*" }) },
        }));
        _template.ResourceCountIs("AWS::SecretsManager::Secret", 0);
    }

    [Fact]
    public void Construct_ids_are_stable()
    {
        string[] ids =
        [
            StaticSite.Ids.LogsBucket, StaticSite.Ids.Bucket, StaticSite.Ids.OriginAccessControl, StaticSite.Ids.SpaRouting,
            StaticSite.Ids.SecurityHeaders, StaticSite.Ids.Distribution, StaticSite.Ids.DeployAssets, StaticSite.Ids.DeploySite,
        ];

        Assert.Equal(["AccessLogs", "Bucket", "OriginAccessControl", "SpaRouting", "SecurityHeaders", "Distribution", "DeployAssets", "DeploySite"], ids);
        Assert.All(ids, id => Assert.NotNull(_site.Node.TryFindChild(id)));
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}
