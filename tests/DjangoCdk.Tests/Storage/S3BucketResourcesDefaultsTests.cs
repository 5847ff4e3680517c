using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Frontend;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Storage;

/// <summary>S3BucketResources with its defaults: a private bucket, a user limited to it, its key in a secret, outputs.</summary>
public sealed class S3BucketResourcesDefaultsTests(S3BucketResourcesDefaultsFixture fixture) : IClassFixture<S3BucketResourcesDefaultsFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly S3BucketResources _media = fixture.Media;

    [Fact]
    public void Bucket_is_private_encrypted_versioned_and_kept_on_deletion()
    {
        // Given the defaults (fixture), When synthesized, Then the media bucket is locked down and retained (except
        // when the deployment that created it rolls back).
        _template.HasResource("AWS::S3::Bucket", Patterns.PrivateAssetsBucket(Sites.Ref(_media.AccessLogsBucket),
            [("CorsConfiguration", Match.Absent())],
            ("DeletionPolicy", "RetainExceptOnCreate"), ("UpdateReplacePolicy", "Retain")));
    }

    [Fact]
    public void Bucket_gets_a_generated_name()
    {
        var bucket = new TemplateJson(_template).Resources[NagSuppressions.LogicalId(_media.Bucket)]!;

        Assert.Null(bucket["Properties"]!["BucketName"]);
    }

    [Fact]
    public void Bucket_refuses_requests_without_tls_and_has_no_public_statement()
    {
        // Given the defaults, Then the bucket policy has exactly one statement: the TLS-only deny.
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new D
        {
            ["Bucket"] = Sites.Ref(_media.Bucket),
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new D
                    {
                        ["Effect"] = "Deny",
                        ["Action"] = "s3:*",
                        ["Condition"] = new D { ["Bool"] = new D { ["aws:SecureTransport"] = "false" } },
                    }),
                },
            }),
        });
    }

    [Fact]
    public void Old_versions_and_abandoned_multipart_uploads_expire()
    {
        _template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new D
        {
            ["LifecycleConfiguration"] = new D
            {
                ["Rules"] = new object[]
                {
                    new D { ["NoncurrentVersionExpiration"] = new D { ["NoncurrentDays"] = Defaults.NoncurrentVersionExpirationDays }, ["Status"] = "Enabled" },
                    new D { ["AbortIncompleteMultipartUpload"] = new D { ["DaysAfterInitiation"] = Defaults.AbortIncompleteMultipartUploadDays }, ["Status"] = "Enabled" },
                },
            },
        }));
    }

    [Fact]
    public void Access_logs_bucket_is_always_kept()
    {
        // Its name is generated (an orphan never collides) and it may hold log files when a first deploy rolls back.
        _template.HasResource("AWS::S3::Bucket", Match.ObjectLike(new D
        {
            ["Properties"] = Match.ObjectLike(new D { ["LifecycleConfiguration"] = new D { ["Rules"] = new object[] { new D { ["ExpirationInDays"] = Defaults.LogsExpirationDays, ["Status"] = "Enabled" } } } }),
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        }));
    }

    [Fact]
    public void User_may_only_use_the_bucket_objects_list_it_and_read_its_location()
    {
        // Given the defaults, Then the user's only policy has two statements, with exact actions and resources.
        _template.ResourceCountIs("AWS::IAM::User", 1);
        _template.ResourceCountIs("AWS::IAM::Policy", 1);
        _template.ResourceCountIs("AWS::IAM::ManagedPolicy", 0);
        _template.HasResourceProperties("AWS::IAM::Policy", new D
        {
            ["Users"] = new object[] { Sites.Ref(_media.User) },
            ["PolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = new object[]
                {
                    new D
                    {
                        ["Sid"] = "Objects",
                        ["Effect"] = "Allow",
                        ["Action"] = new object[] { "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject" },
                        ["Resource"] = new D { ["Fn::Join"] = new object[] { "", new object[] { Sites.GetAtt(_media.Bucket, "Arn"), "/*" } } },
                    },
                    new D
                    {
                        ["Sid"] = "Bucket",
                        ["Effect"] = "Allow",
                        ["Action"] = new object[] { "s3:GetBucketLocation", "s3:ListBucket" },
                        ["Resource"] = Sites.GetAtt(_media.Bucket, "Arn"),
                    },
                },
            }),
        });
    }

    [Fact]
    public void User_has_no_managed_policies_groups_or_console_password()
    {
        _template.HasResourceProperties("AWS::IAM::User", new D
        {
            ["ManagedPolicyArns"] = Match.Absent(),
            ["Groups"] = Match.Absent(),
            ["LoginProfile"] = Match.Absent(),
        });
    }

    [Fact]
    public void Access_key_is_stored_in_the_secret_and_the_template_only_references_it()
    {
        // Given the defaults, Then the secret's value is built from the key's Ref and GetAtt: no key material in the template.
        _template.HasResourceProperties("AWS::IAM::AccessKey", new D { ["UserName"] = Sites.Ref(_media.User), ["Serial"] = Defaults.AccessKeySerial, ["Status"] = Match.Absent() });
        _template.HasResourceProperties("AWS::SecretsManager::Secret", new D
        {
            ["SecretString"] = new D
            {
                ["Fn::Join"] = new object[]
                {
                    "",
                    new object[]
                    {
                        "{\"AWS_ACCESS_KEY_ID\":\"", Sites.Ref(_media.AccessKey),
                        "\",\"AWS_SECRET_ACCESS_KEY\":\"", Sites.GetAtt(_media.AccessKey, "SecretAccessKey"),
                        "\"}",
                    },
                },
            },
            ["GenerateSecretString"] = Match.Absent(),
        });
    }

    [Fact]
    public void Secret_access_key_appears_only_in_the_secret()
    {
        // Given the template as JSON, Then the only mention of SecretAccessKey is the secret's value, never an output.
        var json = new TemplateJson(_template);
        var mentions = json.Resources.Where(r => r.Value!.ToJsonString().Contains("SecretAccessKey", StringComparison.Ordinal)).Select(r => r.Key);

        Assert.Equal([NagSuppressions.LogicalId(_media.AccessKeySecret)], mentions);
        Assert.DoesNotContain("SecretAccessKey", json.Root["Outputs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(NagSuppressions.LogicalId(_media.AccessKey), json.Root["Outputs"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_is_deleted_with_the_stack_because_the_key_dies_with_the_user()
    {
        _template.HasResource("AWS::SecretsManager::Secret", Match.ObjectLike(new D { ["DeletionPolicy"] = "Delete", ["UpdateReplacePolicy"] = "Delete" }));
    }

    [Fact]
    public void Outputs_name_the_bucket_its_region_the_user_and_the_secret()
    {
        _template.HasOutput("MediaBucketName", new D { ["Value"] = Sites.Ref(_media.Bucket) });
        _template.HasOutput("MediaBucketRegion", new D { ["Value"] = TestStacks.Region });
        _template.HasOutput("MediaUserName", new D { ["Value"] = Sites.Ref(_media.User) });
        _template.HasOutput("MediaAccessKeySecretArn", new D { ["Value"] = Sites.Ref(_media.AccessKeySecret) });
        _template.HasOutput("MediaAccessKeySecretName", new D { ["Value"] = Match.AnyValue() });
        _template.HasOutput("MediaGetAccessKeyCommand", new D
        {
            ["Value"] = new D
            {
                ["Fn::Join"] = new object[]
                {
                    "",
                    new object[] { $"aws secretsmanager get-secret-value --region {TestStacks.Region} --secret-id ", Sites.Ref(_media.AccessKeySecret), " --query SecretString --output text" },
                },
            },
        });
    }

    [Fact]
    public void Findings_without_a_secure_default_carry_reasons()
    {
        // Given the defaults, Then the wildcard on the bucket's keys and the secret without rotation are explained
        // where cdk-nag reads them; the public-access rule is not suppressed because nothing is public.
        var json = new TemplateJson(_template);
        string[] Rules(Constructs.IConstruct c) => json.Resources[NagSuppressions.LogicalId(c)]!["Metadata"]?["cdk_nag"]?["rules_to_suppress"]?.AsArray()
            .Select(r => (string)r!["id"]!).ToArray() ?? [];

        Assert.Equal(["AwsSolutions-IAM5"], Rules(_media.UserPolicy));
        Assert.Equal(["AwsSolutions-SMG4"], Rules(_media.AccessKeySecret));
        Assert.Empty(Rules(_media.Bucket));
        var appliesTo = json.Resources[NagSuppressions.LogicalId(_media.UserPolicy)]!["Metadata"]!["cdk_nag"]!["rules_to_suppress"]![0]!["applies_to"]!.AsArray().Select(a => (string)a!);
        Assert.Equal([$"Resource::<{NagSuppressions.LogicalId(_media.Bucket)}.Arn>/*"], appliesTo);
    }

    [Fact]
    public void Stateful_resources_keep_their_construct_ids()
    {
        // Renaming one of these replaces the bucket (and orphans the old one) or the user and its key.
        Assert.Equal("Media/Bucket", Path(_media.Bucket));
        Assert.Equal("Media/AccessLogs", Path(_media.AccessLogsBucket));
        Assert.Equal("Media/User", Path(_media.User));
        Assert.Equal("Media/AccessKey", Path(_media.AccessKey));
        Assert.Equal("Media/AccessKeySecret", Path(_media.AccessKeySecret));
        Assert.Equal("Media/UserPolicy", Path(_media.UserPolicy));
    }

    [Fact]
    public void Defaults_match_the_snapshot() => Snapshot.Matches(_template, "S3BucketResourcesDefaults");

    private static string Path(Constructs.IConstruct construct) => construct.Node.Path["Test/".Length..];
}
