using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Frontend;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Storage;

/// <summary>S3BucketResources next to others and without an environment.</summary>
public sealed class S3BucketResourcesCompositionTests
{
    [Fact]
    public void Two_instances_share_a_stack_without_colliding()
    {
        // Given two instances in one stack
        var stack = TestStacks.New();
        var media = new S3BucketResources(stack, "Media", new S3BucketResourcesProps());
        var backups = new S3BucketResources(stack, "Backups", new S3BucketResourcesProps());

        // When synthesized
        var template = stack.Template();

        // Then each has its own bucket, user, key and secret, no physical name is fixed, and the outputs differ
        template.ResourceCountIs("AWS::S3::Bucket", 4);
        template.ResourceCountIs("AWS::IAM::User", 2);
        template.ResourceCountIs("AWS::IAM::AccessKey", 2);
        template.ResourceCountIs("AWS::SecretsManager::Secret", 2);
        var json = new TemplateJson(template);
        Assert.All(json.OfType("AWS::S3::Bucket"), b => Assert.Null(b.Value["Properties"]!["BucketName"]));
        Assert.All(json.OfType("AWS::IAM::User"), u => Assert.Null(u.Value["Properties"]?["UserName"]));
        Assert.All(json.OfType("AWS::SecretsManager::Secret"), s => Assert.Null(s.Value["Properties"]!["Name"]));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new D { ["Users"] = new object[] { Sites.Ref(backups.User) } }));
        template.HasOutput("MediaBucketName", new D { ["Value"] = Sites.Ref(media.Bucket) });
        template.HasOutput("BackupsBucketName", new D { ["Value"] = Sites.Ref(backups.Bucket) });
    }

    [Fact]
    public void Environment_agnostic_stack_takes_the_region_at_deploy_time()
    {
        // Given a stack without account or region
        var stack = TestStacks.EnvironmentAgnostic();

        // When an instance is synthesized
        _ = new S3BucketResources(stack, "Media", new S3BucketResourcesProps());

        // Then the region output is AWS::Region
        stack.Template().HasOutput("MediaBucketRegion", new D { ["Value"] = new D { ["Ref"] = "AWS::Region" } });
    }

    [Fact]
    public void Bucket_name_made_of_tokens_is_passed_through()
    {
        // Given a name built from the stack's account and region (tokens when environment-agnostic)
        var stack = TestStacks.EnvironmentAgnostic();

        // When it is used as BucketName, Then it is not validated as a plain string and reaches the template
        _ = new S3BucketResources(stack, "Media", new S3BucketResourcesProps { BucketName = $"ublog-media-{stack.Account}" });
        stack.Template().HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new D
        {
            ["BucketName"] = new D { ["Fn::Join"] = new object[] { "", new object[] { "ublog-media-", new D { ["Ref"] = "AWS::AccountId" } } } },
        }));
    }
}
