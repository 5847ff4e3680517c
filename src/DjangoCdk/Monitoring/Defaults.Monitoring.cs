namespace DjangoCdk;

internal static partial class Defaults
{
    public const int AlarmMinimumRequests = 20;
    public const double DatabaseFreeStorageShare = 0.05;
    public const double DatabaseFreeMemoryShare = 0.10;
    public const double DatabaseConnectionsShare = 0.80;
    public const double DatabaseFreeMemoryFallbackMiB = 256;
    public const double DatabaseConnectionsFallback = 80;
    public const int AlarmMaxMinutes = 60;

    /// <summary>The CloudWatch namespace the queue-depth publisher writes to.</summary>
    public const string QueueDepthNamespace = "DjangoCdk/Celery";
}
