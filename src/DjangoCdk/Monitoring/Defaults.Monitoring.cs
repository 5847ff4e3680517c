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

    /// <summary>How often EC2 publishes an instance's CPU, network and credit metrics with basic monitoring, which DockerEc2 keeps.</summary>
    public const int Ec2BasicMonitoringMinutes = 5;

    /// <summary>A failed system status check for this long recovers the host: two checks, so one late check does not move it.</summary>
    public const int HostStatusCheckMinutes = 2;

    /// <summary>A failed (or missing) instance status check for this long is an alarm: longer than a reboot or a stop and start to resize the host.</summary>
    public const int HostInstanceCheckMinutes = 5;

    /// <summary>The host's average CPU over the window that is an alarm: as the database's, since PostgreSQL shares the host.</summary>
    public const double HostCpuPercent = 80;
    public const int HostCpuMinutes = 15;

    /// <summary>
    /// The credit balance, in percent of what the instance can hold (a day's earnings), below which a host that spends
    /// nearly what it earns is an alarm: 10 % is 2.4 hours of earnings, about 36 minutes of both vCPUs at full speed on
    /// a t4g.small.
    /// </summary>
    public const double HostCpuCreditBalancePercent = 10;
    public const int HostCpuCreditMinutes = 15;

    /// <summary>The share of its earnings a host must spend in a window for its credit balance to be judged: at or above its baseline.</summary>
    public const double HostCreditSpendShare = 0.9;

    /// <summary>Memory in use on the host that is an alarm: past it, the page cache PostgreSQL relies on is nearly gone and the kernel's OOM killer is close.</summary>
    public const double HostMemoryPercent = 90;
    public const int HostMemoryMinutes = 10;

    /// <summary>A volume this full is an alarm: room for a few more images or days of data, and time to grow it.</summary>
    public const double HostDiskPercent = 80;
    public const int HostDiskMinutes = 5;

    /// <summary>Where the CloudWatch agent on DockerEc2's host publishes memory and disk use (the instance role may write only here).</summary>
    public const string HostMetricsNamespace = "DjangoCdk/Host";
}
