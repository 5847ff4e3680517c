namespace DjangoCdk;

/// <summary>
/// Each alarm of a Django app, with its threshold and window. An alarm that does not apply to what the construct
/// built (no release phase, no worker, no CloudFront, an instance type without CPU credits) is not created whatever
/// its options say; the options of an alarm that belongs to another construct (DjangoEcs's load balancer and service
/// alarms on DjangoEks, DockerEc2's host alarms on DjangoEcs or DjangoEks, the database and cache alarms on DockerEc2)
/// are refused naming the prop, unless they only turn it off. Defaults and what each metric is: README, "Alarms and
/// dashboard".
/// </summary>
public sealed class AlarmsOptions
{
    /// <summary>Requests in an alarm's window below which the 5xx-rate and response-time alarms stay OK (a single failed request of three is not an outage). DjangoEcs only.</summary>
    /// <remarks>Default: 20.</remarks>
    public int? MinimumRequests { get; init; }

    /// <summary>Responses the load balancer itself answers with 5xx (no healthy target, target timeout), as a percentage of requests.</summary>
    /// <remarks>Default: 5 % over 5 minutes. Watched during web deployments.</remarks>
    public AlarmOptions? LoadBalancer5xxPercent { get; init; }

    /// <summary>Responses Django answers with 5xx, as a percentage of the requests the load balancer sends it.</summary>
    /// <remarks>Default: 5 % over 5 minutes. Watched during web deployments.</remarks>
    public AlarmOptions? Target5xxPercent { get; init; }

    /// <summary>The 95th percentile of Django's response time, in seconds.</summary>
    /// <remarks>Default: 2 s over 5 minutes.</remarks>
    public AlarmOptions? P95ResponseTimeSeconds { get; init; }

    /// <summary>The 99th percentile of Django's response time, in seconds.</summary>
    /// <remarks>Default: 5 s over 5 minutes.</remarks>
    public AlarmOptions? P99ResponseTimeSeconds { get; init; }

    /// <summary>Web tasks that fail the load balancer's health check.</summary>
    /// <remarks>Default: 1 or more for 3 minutes. Watched during web deployments.</remarks>
    public AlarmOptions? UnhealthyTargets { get; init; }

    /// <summary>Web tasks missing: the desired count minus the running count (tasks that crash, or cannot start).</summary>
    /// <remarks>Default: 1 or more for 10 minutes.</remarks>
    public AlarmOptions? WebTasksBelowDesired { get; init; }

    /// <summary>
    /// One alarm per worker: fewer running tasks than the threshold, so nothing drains its queues. A worker that
    /// scales to zero is alarmed instead when messages wait and none of its tasks runs.
    /// </summary>
    /// <remarks>Default: fewer than 1 for 5 minutes; missing data (no task reports) counts as no task.</remarks>
    public AlarmOptions? WorkerWithoutTasks { get; init; }

    /// <summary>Release steps (migrate, collectstatic...) that failed to start or exited non-zero, as the release functions' errors.</summary>
    /// <remarks>Default: 1 or more over 5 minutes.</remarks>
    public AlarmOptions? ReleaseFailures { get; init; }

    /// <summary>The database's CPU utilization, in percent.</summary>
    /// <remarks>Default: 80 % for 15 minutes.</remarks>
    public AlarmOptions? DatabaseCpuPercent { get; init; }

    /// <summary>The database's free storage, in GiB.</summary>
    /// <remarks>Default: below 5 % of the allocated storage (at least 1 GiB) for 5 minutes: half of where RDS storage autoscaling starts, so it fires when autoscaling could not keep up or reached its maximum.</remarks>
    public AlarmOptions? DatabaseFreeStorageGiB { get; init; }

    /// <summary>The database's freeable memory, in MiB.</summary>
    /// <remarks>Default: below 10 % of the instance class's memory for 15 minutes (256 MiB for a class outside the t, m and r families).</remarks>
    public AlarmOptions? DatabaseFreeMemoryMiB { get; init; }

    /// <summary>Connections to the database.</summary>
    /// <remarks>Default: 80 % of PostgreSQL's default max_connections for the instance class (64 for db.t4g.micro), for 5 minutes; 80 for a class outside the t, m and r families, which should set it.</remarks>
    public AlarmOptions? DatabaseConnections { get; init; }

    /// <summary>The share of Redis's memory in use, in percent (Celery's queues and Django's cache).</summary>
    /// <remarks>Default: 80 % for 15 minutes.</remarks>
    public AlarmOptions? CacheMemoryPercent { get; init; }

    /// <summary>Keys Redis evicted for lack of memory.</summary>
    /// <remarks>Default: 1 or more over 5 minutes.</remarks>
    public AlarmOptions? CacheEvictions { get; init; }

    /// <summary>CloudFront's 5xx error rate, in percent (DjangoVue). CloudFront publishes its metrics in us-east-1 only, so the alarm exists only in a stack deployed there.</summary>
    /// <remarks>Default: 5 % over 5 minutes.</remarks>
    public AlarmOptions? CloudFront5xxPercent { get; init; }

    /// <summary>Failed runs of the queue-depth publisher (Redis or CloudWatch unreachable): queue-depth scaling is blind meanwhile.</summary>
    /// <remarks>Default: 3 or more over 5 minutes (it runs once a minute).</remarks>
    public AlarmOptions? QueueDepthPublisherErrors { get; init; }

    /// <summary>
    /// DockerEc2's host failed EC2's system status check (the AWS hardware, power or network under it): the alarm
    /// notifies the topic and recovers the instance onto healthy hardware, keeping its ID, Elastic IP and EBS volumes.
    /// </summary>
    /// <remarks>Default: a failed check for 2 minutes in a row; no data (a stopped instance) is not a failure, so a stopped host is never "recovered". The threshold can only be 1.</remarks>
    public AlarmOptions? HostStatusCheckFailed { get; init; }

    /// <summary>
    /// DockerEc2's host failed EC2's instance status check (its operating system stopped answering: memory
    /// exhausted, kernel panic, a broken network setup), or publishes no check at all because it is stopped.
    /// </summary>
    /// <remarks>Default: a failed or missing check for 5 minutes in a row, which a reboot or a stop and start to resize the host stays under. It notifies only: reboot it from the console or Session Manager after reading its console output. The threshold can only be 1.</remarks>
    public AlarmOptions? HostInstanceCheckFailed { get; init; }

    /// <summary>DockerEc2's host's average CPU utilization over the window, in percent (Django, Celery, PostgreSQL and Redis share it).</summary>
    /// <remarks>Default: 80 % over 15 minutes. The window is 5 to 60 minutes in steps of 5: EC2 publishes the metric every 5 minutes.</remarks>
    public AlarmOptions? HostCpuPercent { get; init; }

    /// <summary>
    /// DockerEc2's host's CPU credit balance, in percent of the credits its instance type can hold (a day's
    /// earnings), judged while the host spends at least nine tenths of what it earns (burstable t2, t3, t3a and t4g
    /// types only). Out of credits, a host in standard mode is throttled to its baseline; one in unlimited mode (the
    /// default of t3, t3a and t4g) keeps its speed and pays for surplus credits.
    /// </summary>
    /// <remarks>Default: below 10 % over 15 minutes. A new t3, t3a or t4g instance starts with no credits: while it runs below its baseline it earns them without alarm. The window is 5 to 60 minutes in steps of 5.</remarks>
    public AlarmOptions? HostCpuCreditBalance { get; init; }

    /// <summary>
    /// DockerEc2's host's memory in use, in percent (mem_used_percent of the CloudWatch agent, which DockerEc2 runs on
    /// the host when monitoring is on): PostgreSQL, Redis, gunicorn and the Celery workers share it, and a host out of
    /// memory has the kernel kill one of them.
    /// </summary>
    /// <remarks>Default: 90 % or more over 10 minutes. No data (the agent not running) leaves it in INSUFFICIENT_DATA, shown on the dashboard.</remarks>
    public AlarmOptions? HostMemoryPercent { get; init; }

    /// <summary>
    /// DockerEc2's host's root volume in use, in percent (disk_used_percent of the CloudWatch agent for "/"): it holds
    /// the operating system, Docker's images and the containers' local log copies. Full, image pulls and container
    /// starts fail.
    /// </summary>
    /// <remarks>Default: 80 % or more over 5 minutes. Grow it with RootVolumeGiB (a new instance) or remove images with 'sudo docker image prune'.</remarks>
    public AlarmOptions? HostRootDiskPercent { get; init; }

    /// <summary>
    /// DockerEc2's data volume in use, in percent (disk_used_percent of the CloudWatch agent for the data folder): it
    /// holds PostgreSQL's and Redis's files and Caddy's certificates. Full, PostgreSQL stops accepting writes.
    /// </summary>
    /// <remarks>Default: 80 % or more over 5 minutes. Grow it with DataVolumeGiB: EBS grows the volume in place, then 'sudo resize2fs $(findmnt -no SOURCE /data)' on the host grows its file system.</remarks>
    public AlarmOptions? HostDataDiskPercent { get; init; }
}
