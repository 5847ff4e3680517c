using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>How a worker scales on its queues' backlog (DjangoEcs): the messages per task it aims for, and whether it may stop every task.</summary>
internal sealed record QueueScaling(double BacklogPerTask, bool ToZero);

/// <summary>One Celery worker, defaults applied; <paramref name="QueueScaling"/> is null when it scales on CPU only.</summary>
internal sealed record WorkerSettings(string Name, string[] Queues, int? Concurrency, int Cpu, int MemoryMiB, int MinCount, int MaxCount, bool UseSpot, int StopTimeoutSeconds, QueueScaling? QueueScaling = null)
{
    /// <summary>The worker's construct ID: "Worker" for the default worker, else "Worker" and the name in PascalCase. Stable API.</summary>
    public string ServiceId => Name == Defaults.WorkerName ? "Worker" : "Worker" + string.Concat(Name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The task definition's construct ID.</summary>
    public string TaskId => ServiceId + "Task";

    /// <summary>The Celery command line of this worker.</summary>
    public string[] Command(string celeryApp)
    {
        var command = new List<string> { "celery", "-A", celeryApp, "worker", "--loglevel", "INFO", "-Q", string.Join(",", Queues), "-n", Name + "@%h" };
        if (Concurrency is { } c) command.AddRange(["--concurrency", c.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return command.ToArray();
    }
}

/// <summary>The release phase: its commands in order, how long each may run, and the recovery switch.</summary>
internal sealed record ReleaseSettings(IReadOnlyList<string[]> Commands, int TimeoutSeconds, bool Skip);

/// <summary>The PostgreSQL database.</summary>
internal sealed record DatabaseSettings(InstanceType? InstanceType, int AllocatedStorageGiB, bool MultiAz, string Name, int BackupRetentionDays, bool DeletionProtection)
{
    /// <summary>What the database alarms' defaults depend on: the instance class and the allocated storage.</summary>
    public MonitoredDatabase Monitored => new(InstanceType?.ToString() ?? Defaults.DatabaseInstanceType, AllocatedStorageGiB);
}

/// <summary>What Django reads from its environment beyond the data stores' addresses (the user's secrets are typed per construct).</summary>
internal sealed record AppEnvironmentSettings(
    string SettingsModule,
    bool Debug,
    string HealthCheckPath,
    string FrontendUrl,
    string AssetsDomain,
    string MediaDomain,
    string[] ExtraAllowedHosts,
    string[] ExtraCsrfTrustedOrigins,
    IDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Aliases);

/// <summary>
/// The props every Django-hosting construct shares (<see cref="IDjangoAppProps"/>), defaults applied and validated:
/// each construct's settings hold one as <c>App</c> beside what is its own.
/// </summary>
internal sealed record DjangoAppSettings
{
    public required string ImageDirectory { get; init; }
    public required string Dockerfile { get; init; }
    public string? DockerTarget { get; init; }
    public required bool UseCeleryBeat { get; init; }
    public string? BucketName { get; init; }

    /// <summary>The user's VPC, or null when the construct creates one shaped by <see cref="NewVpc"/>.</summary>
    public IVpc? Vpc { get; init; }
    public required NetworkOptions NewVpc { get; init; }
    public required int ContainerPort { get; init; }
    public required AppEnvironmentSettings Environment { get; init; }
    public required IReadOnlyList<WorkerSettings> Workers { get; init; }
    public required string CeleryApp { get; init; }
    public required ReleaseSettings Release { get; init; }
    public required DatabaseSettings Database { get; init; }
    public required string CacheNodeType { get; init; }

    /// <summary>Alarms, topic and dashboard; null when <see cref="IDjangoAppProps.Monitoring"/> turns them off.</summary>
    public MonitoringSettings? Monitoring { get; init; }

    /// <summary>
    /// Resolves the shared props; <paramref name="secretNames"/> are the user's secret names (typed per construct),
    /// <paramref name="checkWorkerHost"/> adds the host's own limits on each worker (sizes, stop timeout, Spot), and
    /// <paramref name="queueScalingHost"/> names a construct whose workers cannot scale on queue depth (null: they can).
    /// </summary>
    public static DjangoAppSettings Resolve(IDjangoAppProps props, ConstructSite site, IEnumerable<string> secretNames, Action<string, WorkerSettings> checkWorkerHost, string? queueScalingHost)
    {
        var check = new PropChecks(site.Path);
        var database = AppSettings.Database(props, check);
        return new DjangoAppSettings
        {
            ImageDirectory = AppSettings.ImageDirectory(props, check),
            Dockerfile = props.Dockerfile ?? Defaults.Dockerfile,
            DockerTarget = AppSettings.DockerTarget(props, check),
            UseCeleryBeat = props.UseCeleryBeat ?? false,
            BucketName = AppSettings.BucketName(props, check),
            Vpc = props.Vpc,
            NewVpc = AppSettings.Network(props, site),
            ContainerPort = AppSettings.ContainerPort(props, check),
            Environment = AppSettings.Environment(props, secretNames, check),
            Workers = AppSettings.Workers(props, check, checkWorkerHost, queueScalingHost),
            CeleryApp = props.CeleryApp ?? Defaults.CeleryApp,
            Release = AppSettings.Release(props, check),
            Database = database,
            CacheNodeType = AppSettings.CacheNodeType(props, check),
            Monitoring = MonitoringSettings.Resolve(props.Monitoring, check, database.Monitored),
        };
    }
}

/// <summary>
/// Resolves and validates the props every Django-hosting construct shares (<see cref="IDjangoAppProps"/>), so
/// DjangoEcs and DjangoEks apply the same defaults and reject the same values with the same words. Plain C#: CDK
/// objects the props carry pass through untouched.
/// </summary>
internal static class AppSettings
{
    private static readonly Regex WorkerNamePattern = new("^[a-z][a-z0-9-]{0,30}$", RegexOptions.CultureInvariant);
    private static readonly Regex BucketNamePattern = new(@"^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex ZoneNamePattern = new(@"^[a-z]{2}(-[a-z]+)+-\d[a-z]$", RegexOptions.CultureInvariant);
    private static readonly Regex DatabaseNamePattern = new("^[A-Za-z][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    /// <summary>The stack must have a region: the load balancer's access logs are written by the region's ELB account.</summary>
    public static void RequireRegion(ConstructSite site, string construct)
    {
        if (!site.HasRegion)
            throw Errors.Missing(site.Path, "Env.Region",
                $"{construct} needs its stack's region: the load balancer writes access logs through the region's Elastic Load Balancing account, which the log bucket's policy must name. " +
                "Give the stack an Env with a Region (e.g. new Amazon.CDK.Environment { Region = System.Environment.GetEnvironmentVariable(\"CDK_DEFAULT_REGION\") }); the account may stay unset.");
    }

    public static string ImageDirectory(IDjangoAppProps props, PropChecks check) => BuildContext(props, check).Directory;

    public static string? DockerTarget(IDjangoAppProps props, PropChecks check) =>
        BuildContext(props, check).Target(check.Path, props.DockerTarget, nameof(IDjangoAppProps.DockerTarget));

    private static DockerBuildContext BuildContext(IDjangoAppProps props, PropChecks check) =>
        DockerBuildContext.Resolve(check.Path, props.ImageDirectory ?? "", props.Dockerfile, nameof(IDjangoAppProps.ImageDirectory), nameof(IDjangoAppProps.Dockerfile))!;

    public static string? BucketName(IDjangoAppProps props, PropChecks check)
    {
        var name = props.BucketName;
        if (name is not null && !Tokens.IsUnresolved(name) && !BucketNamePattern.IsMatch(name))
            throw Errors.Invalid(check.Path, nameof(IDjangoAppProps.BucketName), name, "S3 bucket names have 3 to 63 lowercase letters, digits, dots and hyphens, start and end with a letter or digit, and have no '..'. Or leave it unset for a generated name.");
        return name;
    }

    public static NetworkOptions Network(IDjangoAppProps props, ConstructSite site)
    {
        var nat = props.NatStrategy ?? DjangoCdk.NatStrategy.SingleGateway;
        var options = new NetworkOptions(nat, props.AvailabilityZones, props.NatInstanceImage);
        if (props.Vpc is not null)
        {
            var owned = new (string Prop, object? Value)[]
            {
                (nameof(IDjangoAppProps.NatStrategy), props.NatStrategy?.ToString()),
                (nameof(IDjangoAppProps.NatInstanceImage), props.NatInstanceImage is null ? null : "an image"),
                (nameof(IDjangoAppProps.AvailabilityZones), props.AvailabilityZones),
            };
            foreach (var (prop, value) in owned.Where(o => o.Value is not null))
                throw Errors.Conflict(site.Path, prop, value, $"a Vpc is also given, and {prop} only shapes a VPC the construct creates. Remove {prop}, or remove Vpc.");
            return options;
        }

        if (props.NatInstanceImage is not null && nat != DjangoCdk.NatStrategy.Instance)
            throw Errors.Conflict(site.Path, nameof(IDjangoAppProps.NatInstanceImage), "an image", $"NatStrategy is {nat}, which runs no NAT instance. Set NatStrategy = NatStrategy.Instance, or remove NatInstanceImage.");
        if (nat == DjangoCdk.NatStrategy.Instance && props.NatInstanceImage is null && !site.HasEnvironment)
            throw Errors.Missing(site.Path, nameof(IDjangoAppProps.NatInstanceImage),
                "NatStrategy.Instance pins the NAT instance's image by looking up the newest Amazon Linux 2023 once and caching it in cdk.context.json, which needs the stack's account and region, and this stack is environment-agnostic. " +
                "Give the stack an Env (Account and Region, e.g. from CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION), or set NatInstanceImage to an image of your choice (e.g. MachineImage.GenericLinux with a pinned AMI per region).");
        ValidateZones(props.AvailabilityZones, site);
        return options;
    }

    private static void ValidateZones(string[]? zones, ConstructSite site)
    {
        if (zones is null) return;
        const string prop = nameof(IDjangoAppProps.AvailabilityZones);
        if (zones.Length < 2)
            throw Errors.Invalid(site.Path, prop, zones, "Give at least two zones: the load balancer and the database subnet group need two.");
        if (zones.Distinct(StringComparer.Ordinal).Count() != zones.Length)
            throw Errors.Conflict(site.Path, prop, zones, "a zone is listed twice; list each zone once.");
        foreach (var zone in zones)
        {
            if (!ZoneNamePattern.IsMatch(zone))
                throw Errors.Invalid(site.Path, prop, zone, "Give zone names such as 'us-east-1b' (aws ec2 describe-availability-zones), not zone IDs such as 'use1-az3'.");
            if (site.HasRegion && !zone.StartsWith(site.Region, StringComparison.Ordinal))
                throw Errors.Invalid(site.Path, prop, zone, $"The stack is in {site.Region}; its zones are named '{site.Region}a', '{site.Region}b', ...");
        }
    }

    /// <summary>The environment settings; <paramref name="secretNames"/> are the names of the user's secrets, checked with the variables.</summary>
    public static AppEnvironmentSettings Environment(IDjangoAppProps props, IEnumerable<string> secretNames, PropChecks check)
    {
        var healthCheckPath = props.HealthCheckPath ?? Defaults.HealthCheckPath;
        if (!healthCheckPath.StartsWith('/'))
            throw Errors.Invalid(check.Path, nameof(IDjangoAppProps.HealthCheckPath), healthCheckPath, "It must be an absolute path starting with '/', e.g. '/api/health-check/'.");
        var variables = props.EnvironmentVariables ?? new Dictionary<string, string>();
        var secrets = secretNames.ToList();
        DjangoEnvironment.ValidateUserNames(check.Path, nameof(IDjangoAppProps.EnvironmentVariables), variables.Keys, "Secrets", secrets);
        var aliases = Aliases(check.Path, props.EnvironmentAliases, variables.Keys, "Secrets", secrets, NoneUnavailable);
        return new AppEnvironmentSettings(
            props.SettingsModule ?? Defaults.SettingsModule,
            props.Debug ?? false,
            healthCheckPath,
            props.FrontendUrl ?? "",
            props.AssetsDomainName ?? "",
            props.MediaDomainName ?? "",
            props.ExtraAllowedHosts ?? [],
            props.ExtraCsrfTrustedOrigins ?? [],
            variables,
            aliases);
    }

    private static readonly IReadOnlyDictionary<string, string> NoneUnavailable = new Dictionary<string, string>();

    /// <summary>
    /// EnvironmentAliases, checked once for every construct that has it (DjangoEcs and DjangoEks through
    /// <see cref="Environment"/>, DockerEc2 directly): <paramref name="unavailable"/> names the contract values the
    /// construct does not set, with why. Returns the aliases, or none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases(string path, IDictionary<string, string>? aliases, IEnumerable<string> variableNames,
        string secretsProp, IEnumerable<string> secretNames, IReadOnlyDictionary<string, string> unavailable) =>
        DjangoEnvironment.ValidateAliases(path, aliases, nameof(IDjangoAppProps.EnvironmentVariables), variableNames, secretsProp, secretNames, unavailable);

    public static int ContainerPort(IDjangoAppProps props, PropChecks check) =>
        check.Range(nameof(IDjangoAppProps.ContainerPort), props.ContainerPort ?? Defaults.ContainerPort, 1, 65535);

    /// <summary>
    /// The workers with their defaults, checked for what every host shares (names, queues, concurrency, counts);
    /// <paramref name="checkHost"/> adds the host's own limits (sizes, stop timeout, Spot) given the prop prefix.
    /// </summary>
    public static IReadOnlyList<WorkerSettings> Workers(IDjangoAppProps props, PropChecks check, Action<string, WorkerSettings> checkHost, string? queueScalingHost)
    {
        var options = props.CeleryWorkers ?? [new CeleryWorkerOptions()];
        var workers = options.Select((w, i) => new WorkerSettings(
            w.Name ?? Defaults.WorkerName,
            w.Queues ?? [Defaults.WorkerQueue],
            w.Concurrency,
            w.Cpu ?? Defaults.WorkerCpu,
            w.MemoryMiB ?? Defaults.WorkerMemoryMiB,
            w.ScaleToZero == true ? 0 : w.MinCount ?? Defaults.WorkerMinCapacity,
            w.MaxCount ?? Defaults.WorkerMaxCapacity,
            w.UseSpot ?? false,
            w.StopTimeoutSeconds ?? Defaults.WorkerStopTimeoutSeconds,
            ResolveQueueScaling(w, check, $"{nameof(IDjangoAppProps.CeleryWorkers)}[{i}].", queueScalingHost))).ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            var w = workers[i];
            var prefix = $"{nameof(IDjangoAppProps.CeleryWorkers)}[{i}].";
            if (!WorkerNamePattern.IsMatch(w.Name) || w.Name == "web" || w.Name == "beat")
                throw Errors.Invalid(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "Worker names start with a lowercase letter and hold up to 31 lowercase letters, digits and hyphens; 'web' and 'beat' are taken.");
            if (!seen.Add(w.Name))
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "another worker has the same name; names must be unique.");
            if (workers.Take(i).FirstOrDefault(o => new[] { o.ServiceId, o.TaskId }.Intersect([w.ServiceId, w.TaskId]).Any()) is { } clash)
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, $"its resources would take the construct IDs of worker '{clash.Name}' ({w.ServiceId}, {w.TaskId}); choose a name that differs by more than hyphens or a '-task' suffix.");
            if (w.Queues.Length == 0 || w.Queues.Any(q => string.IsNullOrWhiteSpace(q) || q.Contains(',')))
                throw Errors.Invalid(check.Path, prefix + nameof(CeleryWorkerOptions.Queues), w.Queues, "Give at least one queue name; names cannot be empty or contain commas.");
            if (w.Concurrency is { } c) check.Range(prefix + nameof(CeleryWorkerOptions.Concurrency), c, 1, 256);
            if (w.QueueScaling is { ToZero: true })
                check.Range(prefix + nameof(CeleryWorkerOptions.MaxCount), w.MaxCount, 1, 1000);
            else
                check.Counts(prefix + nameof(CeleryWorkerOptions.MinCount), w.MinCount, prefix + nameof(CeleryWorkerOptions.MaxCount), w.MaxCount);
            checkHost(prefix, w);
        }

        return workers;
    }

    /// <summary>
    /// A worker's queue-depth scaling, or null when it scales on CPU only. <paramref name="host"/> is null where the
    /// construct offers it (DjangoEcs), else the construct's name, which errors name when an option asks for it.
    /// </summary>
    private static QueueScaling? ResolveQueueScaling(CeleryWorkerOptions w, PropChecks check, string prefix, string? host)
    {
        if (host is not null)
        {
            var asked = w.ScaleOnQueueDepth == true ? nameof(CeleryWorkerOptions.ScaleOnQueueDepth)
                : w.ScaleToZero == true ? nameof(CeleryWorkerOptions.ScaleToZero)
                : w.BacklogPerTask is not null ? nameof(CeleryWorkerOptions.BacklogPerTask) : null;
            if (asked is not null)
                throw Errors.Invalid(check.Path, prefix + asked, asked == nameof(CeleryWorkerOptions.BacklogPerTask) ? w.BacklogPerTask : "true",
                    $"Queue-depth scaling is a DjangoEcs feature; {host} workers scale on CPU (MinCount, MaxCount). Remove it.");
            return null;
        }

        if (w.ScaleOnQueueDepth == false)
        {
            if (w.ScaleToZero == true)
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.ScaleToZero), "true", $"{prefix}{nameof(CeleryWorkerOptions.ScaleOnQueueDepth)} is false, and only the queue's backlog can start a task from zero. Turn queue-depth scaling on, or keep a task running.");
            if (w.BacklogPerTask is not null)
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.BacklogPerTask), w.BacklogPerTask, $"{prefix}{nameof(CeleryWorkerOptions.ScaleOnQueueDepth)} is false, so nothing tracks a backlog.");
            return null;
        }

        if (w.ScaleToZero == true && w.MinCount is { } min)
            throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.MinCount), min, $"{prefix}{nameof(CeleryWorkerOptions.ScaleToZero)} is true, which sets the minimum to 0. Remove one of the two.");
        var backlog = check.Range(prefix + nameof(CeleryWorkerOptions.BacklogPerTask), w.BacklogPerTask ?? Defaults.WorkerBacklogPerTask, 1, 100_000);
        return new QueueScaling(backlog, w.ScaleToZero == true);
    }

    public static ReleaseSettings Release(IDjangoAppProps props, PropChecks check)
    {
        var commands = props.ReleaseCommands?.ToList() ?? [Defaults.MigrateCommand, Defaults.CollectStaticCommand];
        for (var i = 0; i < commands.Count; i++)
            check.Command($"{nameof(IDjangoAppProps.ReleaseCommands)}[{i}]", commands[i] ?? []);

        // A Duration is a CDK object: converting it needs the runtime, which a caller that built one has.
        var timeoutSeconds = props.ReleaseTimeout is { } timeout
            ? (int)Math.Ceiling(timeout.ToSeconds(new TimeConversionOptions { Integral = false }))
            : Defaults.ReleaseTimeoutMinutes * 60;
        if (timeoutSeconds < 60 || timeoutSeconds > ReleaseProvider.MaxTaskTimeoutSeconds)
            throw Errors.OutOfRange(check.Path, nameof(IDjangoAppProps.ReleaseTimeout), props.ReleaseTimeout?.ToHumanString(),
                $"Allowed: 1 to {Defaults.ReleaseMaxTimeoutMinutes} minutes (CloudFormation waits at most one hour for a custom resource, and the waiter keeps a few minutes of margin). Split a longer migration into several release commands, or run it once by hand (RunManagementCommand output).");
        return new ReleaseSettings(commands, timeoutSeconds, props.SkipRelease ?? false);
    }

    public static DatabaseSettings Database(IDjangoAppProps props, PropChecks check)
    {
        var database = new DatabaseSettings(
            props.DatabaseInstanceType,
            props.DatabaseAllocatedStorageGiB ?? Defaults.DatabaseAllocatedStorageGiB,
            props.DatabaseMultiAz ?? false,
            props.DatabaseName ?? Defaults.DatabaseName,
            props.DatabaseBackupRetentionDays ?? Defaults.DatabaseBackupRetentionDays,
            props.DatabaseDeletionProtection ?? true);
        check.Range(nameof(IDjangoAppProps.DatabaseBackupRetentionDays), database.BackupRetentionDays, 1, 35);
        check.Range(nameof(IDjangoAppProps.DatabaseAllocatedStorageGiB), database.AllocatedStorageGiB, 20, 65536);
        if (!DatabaseNamePattern.IsMatch(database.Name))
            throw Errors.Invalid(check.Path, nameof(IDjangoAppProps.DatabaseName), database.Name, "PostgreSQL database names here start with a letter and hold up to 63 letters, digits and underscores.");
        return database;
    }

    public static string CacheNodeType(IDjangoAppProps props, PropChecks check)
    {
        var nodeType = props.CacheNodeType;
        if (nodeType is not null && !nodeType.StartsWith("cache.", StringComparison.Ordinal))
            throw Errors.Invalid(check.Path, nameof(IDjangoAppProps.CacheNodeType), nodeType, "ElastiCache node types start with 'cache.', e.g. 'cache.t4g.micro' or 'cache.r7g.large'.");
        return nodeType ?? Defaults.CacheNodeType;
    }
}
