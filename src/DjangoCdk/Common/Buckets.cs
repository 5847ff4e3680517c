using Amazon.CDK.AWS.IAM;
using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace DjangoCdk;

/// <summary>The S3 buckets DjangoCdk creates: private, encrypted, TLS-only, and kept when the stack is deleted.</summary>
internal static class Buckets
{
    /// <summary>
    /// A bucket for access logs (S3 server access logs, ALB and CloudFront logs). SSE-S3, because ELB log delivery
    /// does not support KMS keys; ACLs stay enabled for the owner because CloudFront standard logging writes with ACLs.
    /// </summary>
    public static Bucket CreateLogsBucket(Construct scope, string id)
    {
        var bucket = new Bucket(scope, id, new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(Defaults.LogsExpirationDays) }],
        });
        NagSuppressions.Add(bucket, new NagSuppression("AwsSolutions-S1",
            "This bucket is the access-log destination itself; logging its own access would write logs about logs in a loop."));
        return bucket;
    }

    /// <summary>
    /// A private bucket for Django's static and media files: versioned, SSE-S3, TLS-only, ACLs disabled, retained on
    /// stack deletion, with server access logs to <paramref name="logsBucket"/>.
    /// </summary>
    public static Bucket CreateAssetsBucket(Construct scope, string id, string? bucketName, IBucket logsBucket)
    {
        return new Bucket(scope, id, new BucketProps
        {
            BucketName = bucketName,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            ServerAccessLogsBucket = logsBucket,
            ServerAccessLogsPrefix = "s3/" + id + "/",
            LifecycleRules = [new LifecycleRule { NoncurrentVersionExpiration = Duration.Days(Defaults.NoncurrentVersionExpirationDays) }],
        });
    }

    /// <summary>
    /// Exactly what django-storages needs on its bucket: list, read, write, delete, multipart uploads. No ACL actions:
    /// the bucket has ACLs disabled, and a public ACL is what broke media uploads in django-cdk.
    /// </summary>
    public static void GrantStorage(IBucket bucket, IRole role)
    {
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:ListBucket", "s3:GetBucketLocation"],
            Resources = [bucket.BucketArn],
        }));
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            Resources = [bucket.ArnForObjects("*")],
        }));
    }
}
