namespace DjangoCdk;

/// <summary>The defaults of <see cref="S3BucketResources"/>; docs/s3-bucket-resources.md documents the same values.</summary>
internal static partial class Defaults
{
    /// <summary>The first access key; each increase replaces it.</summary>
    public const int AccessKeySerial = 0;

    /// <summary>How long browsers may cache a CORS preflight answer (S3's documented example value).</summary>
    public const int CorsMaxAgeSeconds = 3000;

    /// <summary>The methods browsers may use on the bucket: downloads, presigned PUT uploads and presigned POST forms.</summary>
    public static readonly string[] CorsMethods = ["GET", "PUT", "POST", "HEAD"];

    /// <summary>Parts of multipart uploads that were never completed (a closed browser tab) are removed after a week.</summary>
    public const int AbortIncompleteMultipartUploadDays = 7;
}
