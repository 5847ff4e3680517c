using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Frontend;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Storage;

/// <summary>S3BucketResources with every prop set: each reaches the template.</summary>
public sealed class S3BucketResourcesCompleteTests(S3BucketResourcesCompleteFixture fixture) : IClassFixture<S3BucketResourcesCompleteFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly S3BucketResources _media = fixture.Media;

    [Fact]
    public void Bucket_name_is_the_given_one()
    {
        _template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new D { ["BucketName"] = "ublog-media-prod" }));
    }

    [Fact]
    public void Cors_origins_may_upload_and_download_with_presigned_urls()
    {
        // Given three origins, Then one CORS rule allows them GET, PUT, POST and HEAD and exposes ETag for multipart uploads.
        _template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new D
        {
            ["CorsConfiguration"] = new D
            {
                ["CorsRules"] = new object[]
                {
                    new D
                    {
                        ["AllowedOrigins"] = new object[] { "https://ublog.example.com", "https://*.ublog.example.com", "http://localhost:8000" },
                        ["AllowedMethods"] = new object[] { "GET", "PUT", "POST", "HEAD" },
                        ["AllowedHeaders"] = new object[] { "*" },
                        ["ExposedHeaders"] = new object[] { "ETag" },
                        ["MaxAge"] = Defaults.CorsMaxAgeSeconds,
                    },
                },
            },
        }));
    }

    [Fact]
    public void Anyone_may_read_the_public_prefix_and_nothing_else()
    {
        // Given PublicReadPrefix "static/", Then the policy allows s3:GetObject on static/* to everyone, beside the TLS-only deny.
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(_media.Bucket),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new D { ["Effect"] = "Deny", ["Condition"] = new D { ["Bool"] = new D { ["aws:SecureTransport"] = "false" } } }),
                    new D
                    {
                        ["Sid"] = "PublicReadPrefix",
                        ["Effect"] = "Allow",
                        ["Principal"] = new D { ["AWS"] = "*" },
                        ["Action"] = "s3:GetObject",
                        ["Resource"] = new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(_media.Bucket, "Arn"), "/static/*" } } },
                    },
                },
            }),
        });
        Assert.Equal("static/", _media.PublicReadPrefix);
    }

    [Fact]
    public void Public_prefix_lifts_only_the_policy_blocks_and_acls_stay_blocked()
    {
        _template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new D
        {
            ["BucketName"] = "ublog-media-prod",
            ["PublicAccessBlockConfiguration"] = new D { ["BlockPublicAcls"] = true, ["IgnorePublicAcls"] = true, ["BlockPublicPolicy"] = false, ["RestrictPublicBuckets"] = false },
            ["OwnershipControls"] = new D { ["Rules"] = new object[] { new D { ["ObjectOwnership"] = "BucketOwnerEnforced" } } },
        }));
    }

    [Fact]
    public void Public_prefix_is_explained_to_cdk_nag_on_the_bucket()
    {
        var rules = new TemplateJson(_template).Resources[NagSuppressions.LogicalId(_media.Bucket)]!["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray();

        var s2 = Assert.Single(rules);
        Assert.Equal("AwsSolutions-S2", (string)s2!["id"]!);
        Assert.Contains("'static/'", (string)s2["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_serial_reaches_the_access_key()
    {
        _template.HasResourceProperties("AWS::IAM::AccessKey", new D { ["Serial"] = 3 });
    }

    [Fact]
    public void Complete_matches_the_snapshot() => Snapshot.Matches(_template, "S3BucketResourcesComplete");
}
