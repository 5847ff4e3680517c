using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Storage;

/// <summary>One S3BucketResources with no props, synthesized once for every fact that reads it.</summary>
public sealed class S3BucketResourcesDefaultsFixture
{
    public S3BucketResourcesDefaultsFixture()
    {
        Stack = TestStacks.New();
        Media = new S3BucketResources(Stack, Storage.MediaId, new S3BucketResourcesProps());
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public S3BucketResources Media { get; }
    public Template Template { get; }
}

/// <summary>One S3BucketResources with every prop set, synthesized once.</summary>
public sealed class S3BucketResourcesCompleteFixture
{
    public S3BucketResourcesCompleteFixture()
    {
        Stack = TestStacks.New();
        Media = new S3BucketResources(Stack, Storage.MediaId, Props());
        Template = Stack.Template();
    }

    public static S3BucketResourcesProps Props() => new()
    {
        BucketName = "ublog-media-prod",
        CorsOrigins = ["https://ublog.example.com", "https://*.ublog.example.com", "http://localhost:8000"],
        PublicReadPrefix = "static/",
        KeySerial = 3,
    };

    public Stack Stack { get; }
    public S3BucketResources Media { get; }
    public Template Template { get; }
}

/// <summary>What the storage tests share.</summary>
internal static class Storage
{
    public const string MediaId = "Media";
}
