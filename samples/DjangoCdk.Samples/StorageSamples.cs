using Amazon.CDK;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>Sample apps of <see cref="S3BucketResources"/>: media storage for a Django app hosted outside AWS.</summary>
public static class StorageSamples
{
    /// <summary>Adds the storage samples to <paramref name="app"/>.</summary>
    public static void AddAll(App app, IEnvironment env)
    {
        S3BucketResourcesMinimal(app, "S3BucketResourcesMinimal", env);
        S3BucketResourcesComplete(app, "S3BucketResourcesComplete", env);
    }

    /// <summary>S3BucketResources with defaults: a fully private bucket with a generated name, the user and its key.</summary>
    public static Stack S3BucketResourcesMinimal(Construct scope, string id, IEnvironment env)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: S3BucketResources with defaults" });
        _ = new S3BucketResources(stack, "Media", new S3BucketResourcesProps());
        return stack;
    }

    /// <summary>
    /// S3BucketResources with every option: a name derived from the account and region (tokens when the stack is
    /// environment-agnostic, so the name is unique per account and region either way), browser uploads from the
    /// site and from local development, static files public under "static/", and a rotated key.
    /// </summary>
    public static Stack S3BucketResourcesComplete(Construct scope, string id, IEnvironment env)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: S3BucketResources with every option" });
        _ = new S3BucketResources(stack, "Media", new S3BucketResourcesProps
        {
            BucketName = $"ublog-media-{stack.Account}-{stack.Region}",
            CorsOrigins = ["https://ublog.example.com", "https://*.ublog.example.com", "http://localhost:8000"],
            PublicReadPrefix = "static/",
            KeySerial = 1,
        });
        return stack;
    }
}
