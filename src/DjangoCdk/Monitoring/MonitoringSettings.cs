using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.SNS;

namespace DjangoCdk;

/// <summary>One alarm, resolved: its prop name (and construct ID), whether it is created, its threshold and window.</summary>
internal sealed record AlarmSetting(string Name, bool Enabled, double Threshold, int Minutes);

/// <summary>What the database alarms' defaults depend on.</summary>
internal sealed record MonitoredDatabase(string InstanceClass, int AllocatedStorageGiB);

/// <summary>The one EC2 instance a <see cref="DockerEc2"/> runs everything on: whether it earns CPU credits decides whether its credit alarm applies.</summary>
internal sealed record MonitoredHost(string InstanceType, bool Burstable);

/// <summary>What an alarm watches, and so which constructs can create it.</summary>
[Flags]
internal enum AlarmScope
{
    None = 0,

    /// <summary>The release phase, the PostgreSQL database and the Redis cache: every Django app (DjangoEcs, DjangoEks).</summary>
    DataStores = 1,

    /// <summary>The load balancer, the ECS services, CloudFront and the queue-depth publisher: DjangoEcs (and DjangoVue).</summary>
    EcsServices = 2,

    /// <summary>The one EC2 instance of a DockerEc2.</summary>
    Host = 4,
}

/// <summary>
/// <see cref="MonitoringOptions"/> with every default applied and validated, in plain C#. Null when monitoring is
/// off. The alarms are held by their prop name in <see cref="AlarmsOptions"/>; <see cref="Applies"/> says which of
/// them the construct can create, and <see cref="Alarm"/> answers only for those.
/// </summary>
internal sealed record MonitoringSettings(
    IReadOnlyList<string> Emails,
    ITopic? Topic,
    bool Dashboard,
    bool RollbackOnAlarm,
    int MinimumRequests,
    IReadOnlyDictionary<string, AlarmSetting> Alarms,
    AlarmScope Applies)
{
    private const string Prop = "Monitoring";
    private const string AlarmsProp = Prop + "." + nameof(MonitoringOptions.Alarms);
    private static readonly Regex EmailPattern = new(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// An alarm's scope, defaults and the values its threshold may take; <paramref name="MinutesStep"/> is the
    /// publishing interval of its metric (5 for EC2's basic monitoring), which its window must be a multiple of.
    /// </summary>
    private sealed record Catalog(string Name, AlarmScope Scope, Func<MonitoredDatabase?, double> Threshold, int Minutes, double Min, double Max, string Unit, int MinutesStep = 1);

    private static Catalog Entry(string name, AlarmScope scope, double threshold, int minutes, double min, double max, string unit, int minutesStep = 1) =>
        new(name, scope, _ => threshold, minutes, min, max, unit, minutesStep);

    private const AlarmScope Ecs = AlarmScope.EcsServices;
    private const AlarmScope Stores = AlarmScope.DataStores;
    private const AlarmScope Host = AlarmScope.Host;

    /// <summary>Every alarm, in the order they are created.</summary>
    private static readonly Catalog[] Entries =
    [
        Entry(nameof(AlarmsOptions.LoadBalancer5xxPercent), Ecs, 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.Target5xxPercent), Ecs, 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.P95ResponseTimeSeconds), Ecs, 2, 5, 0.01, 600, "seconds"),
        Entry(nameof(AlarmsOptions.P99ResponseTimeSeconds), Ecs, 5, 5, 0.01, 600, "seconds"),
        Entry(nameof(AlarmsOptions.UnhealthyTargets), Ecs, 1, 3, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.WebTasksBelowDesired), Ecs, 1, 10, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.WorkerWithoutTasks), Ecs, 1, 5, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.ReleaseFailures), Stores, 1, 5, 1, 1000, "failures"),
        Entry(nameof(AlarmsOptions.DatabaseCpuPercent), Stores, 80, 15, 1, 100, "percent"),
        new(nameof(AlarmsOptions.DatabaseFreeStorageGiB), Stores, db => Math.Max(1, Math.Round(db!.AllocatedStorageGiB * Defaults.DatabaseFreeStorageShare, 1)), 5, 0.1, 65_536, "GiB"),
        new(nameof(AlarmsOptions.DatabaseFreeMemoryMiB), Stores, db => DatabaseClassMemory.MemoryMiB(db!.InstanceClass) is { } mib
            ? Math.Round(mib * Defaults.DatabaseFreeMemoryShare) : Defaults.DatabaseFreeMemoryFallbackMiB, 15, 1, 4_194_304, "MiB"),
        new(nameof(AlarmsOptions.DatabaseConnections), Stores, db => DatabaseClassMemory.MemoryMiB(db!.InstanceClass) is { } mib
            ? Math.Floor(DatabaseClassMemory.MaxConnections(mib) * Defaults.DatabaseConnectionsShare) : Defaults.DatabaseConnectionsFallback, 5, 1, 100_000, "connections"),
        Entry(nameof(AlarmsOptions.CacheMemoryPercent), Stores, 80, 15, 1, 100, "percent"),
        Entry(nameof(AlarmsOptions.CacheEvictions), Stores, 1, 5, 1, 1_000_000, "keys"),
        Entry(nameof(AlarmsOptions.CloudFront5xxPercent), Ecs, 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.QueueDepthPublisherErrors), Ecs, 3, 5, 1, 60, "failed runs"),
        // The status checks are published every minute, free, whatever the monitoring level; a failed check is 1.
        Entry(nameof(AlarmsOptions.HostStatusCheckFailed), Host, 1, Defaults.HostStatusCheckMinutes, 1, 1, "a failed check is 1"),
        Entry(nameof(AlarmsOptions.HostInstanceCheckFailed), Host, 1, Defaults.HostInstanceCheckMinutes, 1, 1, "a failed check is 1"),
        // CPU and credits come every 5 minutes with basic monitoring (DockerEc2 keeps it): windows of whole datapoints.
        Entry(nameof(AlarmsOptions.HostCpuPercent), Host, Defaults.HostCpuPercent, Defaults.HostCpuMinutes, 1, 100, "percent", Defaults.Ec2BasicMonitoringMinutes),
        Entry(nameof(AlarmsOptions.HostCpuCreditBalance), Host, Defaults.HostCpuCreditBalancePercent, Defaults.HostCpuCreditMinutes, 1, 100, "percent of the credits the instance can hold", Defaults.Ec2BasicMonitoringMinutes),
        // Memory and disks come from the CloudWatch agent on the host, every minute.
        Entry(nameof(AlarmsOptions.HostMemoryPercent), Host, Defaults.HostMemoryPercent, Defaults.HostMemoryMinutes, 1, 100, "percent"),
        Entry(nameof(AlarmsOptions.HostRootDiskPercent), Host, Defaults.HostDiskPercent, Defaults.HostDiskMinutes, 1, 100, "percent"),
        Entry(nameof(AlarmsOptions.HostDataDiskPercent), Host, Defaults.HostDiskPercent, Defaults.HostDiskMinutes, 1, 100, "percent"),
    ];

    /// <summary>The alarm named <paramref name="name"/>, or null when it is turned off or does not apply to the construct.</summary>
    public AlarmSetting? Alarm(string name) =>
        Alarms.TryGetValue(name, out var alarm) && alarm.Enabled && (ScopeOf(name) & Applies) != 0 ? alarm : null;

    /// <summary>
    /// Resolves the monitoring of a Django app (DjangoEcs, and DjangoEks before <see cref="ForEks"/>): every alarm is
    /// resolved, the database's defaults derived from <paramref name="database"/>; the host alarms of DockerEc2 are
    /// refused. Null when monitoring is off. Throws naming the prop (<c>Monitoring.Alarms.X.Threshold</c>).
    /// </summary>
    public static MonitoringSettings? Resolve(MonitoringOptions? options, PropChecks check, MonitoredDatabase database)
    {
        options ??= new MonitoringOptions();
        if (options.Enabled == false)
        {
            RejectWhenOff(options, check);
            return null;
        }

        var emails = ResolveEmails(options, check);
        var alarms = options.Alarms ?? new AlarmsOptions();
        RefuseOutOfScope(alarms, check, AlarmScope.Host, _ =>
            "the host alarms watch the one EC2 instance of a DockerEc2, and this app runs on ECS or EKS, which have no such host. Remove it.");
        var minimumRequests = (int)check.Range($"{AlarmsProp}.{nameof(AlarmsOptions.MinimumRequests)}",
            alarms.MinimumRequests ?? Defaults.AlarmMinimumRequests, 1, 1_000_000);
        var resolved = Entries.ToDictionary(e => e.Name, e => ResolveAlarm(e, Options(alarms, e.Name), check, database));
        return new MonitoringSettings(emails, options.AlarmTopic, options.Dashboard ?? true, options.RollbackOnAlarm ?? true,
            minimumRequests, resolved, AlarmScope.DataStores | AlarmScope.EcsServices);
    }

    /// <summary>
    /// Resolves the monitoring of a <see cref="DockerEc2"/>: only the host alarms apply (PostgreSQL and Redis run on
    /// the host, behind no load balancer), so the options of every other alarm, MinimumRequests and RollbackOnAlarm
    /// are refused, and so is the credit alarm's on an instance that earns no credits. Null when monitoring is off.
    /// </summary>
    public static MonitoringSettings? Resolve(MonitoringOptions? options, PropChecks check, MonitoredHost host)
    {
        options ??= new MonitoringOptions();
        if (options.Enabled == false)
        {
            RejectWhenOff(options, check);
            return null;
        }

        const string construct = nameof(DockerEc2);
        var emails = ResolveEmails(options, check);
        RefuseRollbackOnAlarm(options, check, construct,
            "a DockerEc2 deployment replaces its containers on the one host, and a boot that fails its health check already fails the CloudFormation deployment.");
        var alarms = options.Alarms ?? new AlarmsOptions();
        RefuseOutOfScope(alarms, check, AlarmScope.DataStores | AlarmScope.EcsServices, _ =>
            "DockerEc2 runs PostgreSQL, Redis and Django in containers on its one host, with no RDS database, ElastiCache cache, load balancer, ECS service or release function for it to watch: the host alarms (HostStatusCheckFailed, HostInstanceCheckFailed, HostCpuPercent, HostCpuCreditBalance, HostMemoryPercent, HostRootDiskPercent, HostDataDiskPercent) are DockerEc2's. Remove it.");
        RefuseMinimumRequests(alarms, check, construct, "it has no load balancer whose requests the rate alarms count");
        if (!host.Burstable && IsSet(alarms.HostCpuCreditBalance))
            throw Errors.Invalid(check.Path, $"{AlarmsProp}.{nameof(AlarmsOptions.HostCpuCreditBalance)}", "set",
                $"InstanceType '{host.InstanceType}' is not a burstable type and earns no CPU credits; the alarm exists for the t2, t3, t3a and t4g types. Remove it.");

        var resolved = Entries.Where(e => e.Scope == AlarmScope.Host)
            .ToDictionary(e => e.Name, e => ResolveAlarm(e, Options(alarms, e.Name), check, database: null));
        if (!host.Burstable) resolved.Remove(nameof(AlarmsOptions.HostCpuCreditBalance));
        return new MonitoringSettings(emails, options.AlarmTopic, options.Dashboard ?? true, RollbackOnAlarm: false,
            Defaults.AlarmMinimumRequests, resolved, AlarmScope.Host);
    }

    /// <summary>
    /// These settings narrowed to DjangoEks, whose <paramref name="options"/> they were resolved from: only the
    /// release, database and cache alarms apply. The options of DjangoEcs's own alarms, MinimumRequests and
    /// RollbackOnAlarm = true are refused naming the prop, never ignored.
    /// </summary>
    public MonitoringSettings ForEks(MonitoringOptions? options, PropChecks check)
    {
        const string construct = nameof(DjangoEks);
        if (options is not null)
        {
            RefuseRollbackOnAlarm(options, check, construct,
                "rollback on alarm is a DjangoEcs deployment feature (ECS deployment alarms). DjangoEks's Deployments roll out through Kubernetes, and a release Job that fails already fails and rolls back the CloudFormation deployment.");
            var alarms = options.Alarms ?? new AlarmsOptions();
            RefuseOutOfScope(alarms, check, AlarmScope.EcsServices, name =>
                $"{name} is a DjangoEcs alarm: on DjangoEks the AWS Load Balancer Controller creates the load balancer outside the stack, pods are not ECS services, workers scale with HorizontalPodAutoscalers and there is no queue-depth publisher, so there is nothing in the stack for it to watch. DjangoEks creates the release, database and cache alarms. Remove it.");
            RefuseMinimumRequests(alarms, check, construct, "its load balancer is made by the AWS Load Balancer Controller outside the stack, so there are no request-rate alarms to judge");
        }

        return this with { RollbackOnAlarm = false, Applies = AlarmScope.DataStores };
    }

    /// <summary>What the alarm named <paramref name="name"/> watches.</summary>
    public static AlarmScope ScopeOf(string name) => Array.Find(Entries, e => e.Name == name)?.Scope ?? AlarmScope.None;

    private static IReadOnlyList<string> ResolveEmails(MonitoringOptions options, PropChecks check)
    {
        var emails = options.AlarmEmails ?? [];
        foreach (var email in emails)
        {
            if (!EmailPattern.IsMatch(email))
                throw Errors.Invalid(check.Path, $"{Prop}.{nameof(MonitoringOptions.AlarmEmails)}", email, "Give email addresses such as 'ops@example.com', one per entry.");
        }

        if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() < emails.Length)
            throw Errors.Invalid(check.Path, $"{Prop}.{nameof(MonitoringOptions.AlarmEmails)}", emails, "Each address may appear once.");
        return emails;
    }

    private static AlarmSetting ResolveAlarm(Catalog entry, AlarmOptions? options, PropChecks check, MonitoredDatabase? database)
    {
        var prop = $"{AlarmsProp}.{entry.Name}";
        var threshold = options?.Threshold ?? entry.Threshold(database);
        if (double.IsNaN(threshold) || threshold < entry.Min || threshold > entry.Max)
            throw Errors.OutOfRange(check.Path, $"{prop}.{nameof(AlarmOptions.Threshold)}", threshold,
                entry.Min == entry.Max
                    ? $"Allowed: {entry.Min} only ({entry.Unit}): turn the alarm off with Enabled = false, or change its Minutes."
                    : $"Allowed: {entry.Min} to {entry.Max} ({entry.Unit}).");
        var minutes = (int)check.Range($"{prop}.{nameof(AlarmOptions.Minutes)}", options?.Minutes ?? entry.Minutes, entry.MinutesStep, Defaults.AlarmMaxMinutes);
        if (minutes % entry.MinutesStep != 0)
            throw Errors.OutOfRange(check.Path, $"{prop}.{nameof(AlarmOptions.Minutes)}", minutes,
                $"Allowed: {entry.MinutesStep} to {Defaults.AlarmMaxMinutes} in steps of {entry.MinutesStep}: the metric is published every {entry.MinutesStep} minutes (EC2 basic monitoring), so other windows would judge uneven or empty periods.");
        return new AlarmSetting(entry.Name, options?.Enabled ?? true, threshold, minutes);
    }

    private static AlarmOptions? Options(AlarmsOptions alarms, string name) =>
        (AlarmOptions?)typeof(AlarmsOptions).GetProperty(name)!.GetValue(alarms);

    /// <summary>Whether an alarm's options ask for something: turning off an alarm that is not created is no mistake.</summary>
    private static bool IsSet(AlarmOptions? options) =>
        options is not null && (options.Enabled != false || options.Threshold is not null || options.Minutes is not null);

    /// <summary>Refuses the options of an alarm of <paramref name="scope"/>, which the construct never creates; <paramref name="why"/> gets the prop name.</summary>
    private static void RefuseOutOfScope(AlarmsOptions alarms, PropChecks check, AlarmScope scope, Func<string, string> why)
    {
        foreach (var entry in Entries.Where(e => (e.Scope & scope) != 0))
        {
            if (!IsSet(Options(alarms, entry.Name))) continue;
            var prop = $"{AlarmsProp}.{entry.Name}";
            throw Errors.Invalid(check.Path, prop, "set", why(prop));
        }
    }

    private static void RefuseMinimumRequests(AlarmsOptions alarms, PropChecks check, string construct, string why)
    {
        if (alarms.MinimumRequests is { } minimum)
            throw Errors.Invalid(check.Path, $"{AlarmsProp}.{nameof(AlarmsOptions.MinimumRequests)}", minimum.ToString(CultureInfo.InvariantCulture),
                $"it tunes DjangoEcs's 5xx-rate and response-time alarms, and {construct} has none: {why}. Remove it.");
    }

    private static void RefuseRollbackOnAlarm(MonitoringOptions options, PropChecks check, string construct, string why)
    {
        if (options.RollbackOnAlarm == true)
            throw Errors.Invalid(check.Path, $"{Prop}.{nameof(MonitoringOptions.RollbackOnAlarm)}", "true",
                $"{construct} has no deployment to roll back on alarm: {why} Remove it.");
    }

    /// <summary>With monitoring off, an option that configures it is a mistake to report, not to ignore.</summary>
    private static void RejectWhenOff(MonitoringOptions options, PropChecks check)
    {
        var set = new (string Name, object? Value)[]
        {
            (nameof(MonitoringOptions.AlarmEmails), options.AlarmEmails is { Length: > 0 } emails ? emails : null),
            (nameof(MonitoringOptions.AlarmTopic), options.AlarmTopic is null ? null : "a topic"),
            (nameof(MonitoringOptions.Dashboard), options.Dashboard == true ? "true" : null),
            (nameof(MonitoringOptions.RollbackOnAlarm), options.RollbackOnAlarm == true ? "true" : null),
            (nameof(MonitoringOptions.Alarms), options.Alarms is null ? null : "set"),
        }.FirstOrDefault(o => o.Value is not null);
        if (set.Name is not null)
            throw Errors.Conflict(check.Path, $"{Prop}.{set.Name}", set.Value, $"{Prop}.{nameof(MonitoringOptions.Enabled)} is false, so there are no alarms, topic or dashboard for it to configure. Remove it, or turn monitoring on.");
    }
}
