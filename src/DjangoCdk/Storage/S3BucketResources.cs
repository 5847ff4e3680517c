using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Media storage for a Django app hosted outside AWS (a VPS, a PaaS, a home server): a private, encrypted, TLS-only,
/// versioned bucket kept when the stack is deleted; an IAM user allowed only that bucket's object actions; its access
/// key in a Secrets Manager secret (the template holds only a reference to it); optionally CORS for direct browser
/// uploads and a public-read prefix for static files.
/// </summary>
public sealed class S3BucketResources : Construct
{
    /// <summary>Construct IDs: renaming one replaces the cloud resource, so they are stable API.</summary>
    internal static class Ids
    {
        public const string LogsBucket = "AccessLogs";
        public const string Bucket = "Bucket";
        public const string User = "User";
        public const string UserPolicy = "UserPolicy";
        public const string AccessKey = "AccessKey";
        public const string AccessKeySecret = "AccessKeySecret";
    }

    /// <summary>The keys of the JSON document in <see cref="AccessKeySecret"/>, the environment variables boto3 reads.</summary>
    public static class SecretKeys
    {
        /// <summary>The access key ID.</summary>
        public const string AccessKeyId = "AWS_ACCESS_KEY_ID";

        /// <summary>The secret access key.</summary>
        public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    }

    /// <summary>The actions the user has on the bucket's objects: what django-storages' S3Storage calls, nothing about ACLs.</summary>
    internal static readonly string[] ObjectActions = ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"];

    /// <summary>The actions the user has on the bucket itself: listing (exists() and listdir(); without it a missing key is a 403, not a 404) and its region.</summary>
    internal static readonly string[] BucketActions = ["s3:GetBucketLocation", "s3:ListBucket"];

    /// <summary>Creates the bucket, the user, its key and the secret holding it.</summary>
    public S3BucketResources(Construct scope, string id, S3BucketResourcesProps props) : base(scope, id)
    {
        var settings = S3BucketResourcesSettings.Resolve(props, ConstructSite.Of(this));

        (AccessLogsBucket, Bucket) = CreateBuckets(settings.BucketName);
        if (settings.CorsOrigins.Count > 0) AllowBrowserOrigins(settings.CorsOrigins);
        if (settings.PublicReadPrefix is { } prefix) PublishPrefix(prefix);
        PublicReadPrefix = settings.PublicReadPrefix;
        (User, UserPolicy) = CreateUser();
        (AccessKey, AccessKeySecret) = CreateAccessKey(settings.KeySerial);
        CreateOutputs();
    }

    /// <summary>The media bucket.</summary>
    public Bucket Bucket { get; }

    /// <summary>The bucket receiving <see cref="Bucket"/>'s S3 server access logs.</summary>
    public Bucket AccessLogsBucket { get; }

    /// <summary>The prefix anyone may read (<see cref="S3BucketResourcesProps.PublicReadPrefix"/>), or null when the bucket is fully private.</summary>
    public string? PublicReadPrefix { get; }

    /// <summary>The IAM user the app outside AWS signs its requests as.</summary>
    public User User { get; }

    /// <summary>The user's only permissions: the bucket's objects, listing and location.</summary>
    public Policy UserPolicy { get; }

    /// <summary>The user's access key; its secret part is only in <see cref="AccessKeySecret"/>.</summary>
    public AccessKey AccessKey { get; }

    /// <summary>
    /// The secret holding <c>{"AWS_ACCESS_KEY_ID": ..., "AWS_SECRET_ACCESS_KEY": ...}</c> (<see cref="SecretKeys"/>).
    /// Deleted with the stack, since the key dies with the user.
    /// </summary>
    public Secret AccessKeySecret { get; }

    /// <summary>
    /// The bucket (SSE-S3, TLS-only, versioned, ACLs disabled, access-logged, old versions expired after 90 days) and
    /// its logs bucket, both kept when the stack is deleted or they are replaced. The media bucket alone is removed
    /// when the deployment that created it rolls back (RetainExceptOnCreate), still empty: a failed first deploy
    /// leaves no orphan holding <see cref="S3BucketResourcesProps.BucketName"/> that would make the next attempt fail.
    /// The logs bucket keeps the shared policy (Retain): its name is generated, so an orphan never collides, and S3
    /// may already have delivered log files to it, which would make its deletion, and so the rollback, fail.
    /// </summary>
    private (Bucket Logs, Bucket Bucket) CreateBuckets(string? bucketName)
    {
        var logs = Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        var bucket = Buckets.CreateAssetsBucket(this, Ids.Bucket, bucketName, logs);
        bucket.AddLifecycleRule(new LifecycleRule { AbortIncompleteMultipartUploadAfter = Duration.Days(Defaults.AbortIncompleteMultipartUploadDays) });
        bucket.ApplyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        return (logs, bucket);
    }

    /// <summary>One CORS rule for presigned uploads and downloads from the given origins.</summary>
    private void AllowBrowserOrigins(IReadOnlyList<string> origins) => Bucket.AddCorsRule(new CorsRule
    {
        AllowedOrigins = [.. origins],
        AllowedMethods = [.. Defaults.CorsMethods.Select(Enum.Parse<HttpMethods>)],
        AllowedHeaders = ["*"],
        ExposedHeaders = ["ETag"],
        MaxAge = Defaults.CorsMaxAgeSeconds,
    });

    /// <summary>
    /// Anyone may read <c>&lt;prefix&gt;*</c> and nothing else. Block Public Access keeps blocking ACLs (they are
    /// disabled anyway) but no longer blocks or restricts a public bucket policy, or S3 would refuse this statement.
    /// </summary>
    private void PublishPrefix(string prefix)
    {
        // Buckets.CreateAssetsBucket blocks all public access, the right default for every other bucket; the one
        // exception is made here, on the CloudFormation resource, rather than widening the shared helper.
        var bucket = (CfnBucket)Bucket.Node.DefaultChild!;
        bucket.PublicAccessBlockConfiguration = new CfnBucket.PublicAccessBlockConfigurationProperty
        {
            BlockPublicAcls = true,
            IgnorePublicAcls = true,
            BlockPublicPolicy = false,
            RestrictPublicBuckets = false,
        };
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PublicReadPrefix",
            Principals = [new AnyPrincipal()],
            Actions = ["s3:GetObject"],
            Resources = [Bucket.ArnForObjects(prefix + "*")],
        }));
        NagSuppressions.Add(Bucket, new NagSuppression("AwsSolutions-S2",
            $"PublicReadPrefix is set: the bucket policy lets anyone read keys under '{prefix}' (Django's static files, published on purpose) and nothing else. " +
            "Block Public Access still blocks and ignores ACLs (disabled by BucketOwnerEnforced); only the policy blocks are off, as S3 requires for that statement."));
        // AwsSolutions-S5 (open policy on a website bucket) does not apply: the bucket has no website configuration.
        // AwsSolutions-S10 passes: the TLS-only statement denies every request without aws:SecureTransport.
    }

    /// <summary>The IAM user and its only policy: object actions on the bucket's keys, listing and location on the bucket.</summary>
    private (User User, Policy Policy) CreateUser()
    {
        var user = new User(this, Ids.User);
        var policy = new Policy(this, Ids.UserPolicy, new PolicyProps
        {
            Users = [user],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Sid = "Objects", Actions = ObjectActions, Resources = [Bucket.ArnForObjects("*")] }),
                new PolicyStatement(new PolicyStatementProps { Sid = "Bucket", Actions = BucketActions, Resources = [Bucket.BucketArn] }),
            ],
        });
        NagSuppressions.Add(policy, new NagSuppression("AwsSolutions-IAM5",
            "The app stores files under keys chosen at run time (uploads), so object actions apply to every key of this one bucket; the actions are listed one by one (no ACL, no versioning, no bucket configuration).",
            $"Resource::<{NagSuppressions.LogicalId(Bucket)}.Arn>/*"));
        return (user, policy);
    }

    /// <summary>
    /// The user's access key and the secret holding it. The template holds only <c>Ref</c> and <c>Fn::GetAtt</c> of
    /// the key. The secret is deleted with the stack (and by the rollback of a failed first deploy): the key it holds
    /// dies with the user, so a kept secret would only hold a dead key.
    /// </summary>
    private (AccessKey Key, Secret Secret) CreateAccessKey(int serial)
    {
        var key = new AccessKey(this, Ids.AccessKey, new AccessKeyProps { User = User, Serial = serial });
        var secret = new Secret(this, Ids.AccessKeySecret, new SecretProps
        {
            Description = "Access key of the IAM user for the media bucket, as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            SecretObjectValue = new Dictionary<string, SecretValue>
            {
                [SecretKeys.AccessKeyId] = SecretValue.ResourceAttribute(key.AccessKeyId),
                [SecretKeys.SecretAccessKey] = key.SecretAccessKey,
            },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        NagSuppressions.Add(secret, new NagSuppression("AwsSolutions-SMG4",
            "The secret holds an IAM access key used by an app outside AWS, which cannot be told of a new key by a rotation function; it is rotated by increasing KeySerial and updating the app (docs/s3-bucket-resources.md)."));
        return (key, secret);
    }

    private void CreateOutputs()
    {
        StackOutputs.Add(this, "BucketName", Bucket.BucketName, "The media bucket: AWS_STORAGE_BUCKET_NAME");
        StackOutputs.Add(this, "BucketRegion", Stack.Of(this).Region, "The bucket's region: AWS_S3_REGION_NAME");
        StackOutputs.Add(this, "UserName", User.UserName, "The IAM user the app signs its requests as");
        StackOutputs.Add(this, "AccessKeySecretArn", AccessKeySecret.SecretArn, "The secret holding AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        StackOutputs.Add(this, "AccessKeySecretName", AccessKeySecret.SecretName, "The name of that secret");
        StackOutputs.Add(this, "GetAccessKeyCommand",
            $"aws secretsmanager get-secret-value --region {Stack.Of(this).Region} --secret-id {AccessKeySecret.SecretArn} --query SecretString --output text",
            "Prints the access key as JSON (needs secretsmanager:GetSecretValue; never store the output in the repository)");
    }
}
