using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>The domain a <see cref="DjangoEcs"/> is served on, when <see cref="DjangoEcsProps.ApiDomainName"/> is set.</summary>
internal sealed record EcsDomain(string Name, string ZoneName, string? HostedZoneId, string? CertificateArn, string[] AlternativeNames);

/// <summary>The gunicorn web service.</summary>
internal sealed record WebSettings(string[]? Command, int Cpu, int MemoryMiB, int MinCount, int MaxCount, double CpuTargetPercent, double RequestsPerTarget);

/// <summary>One Celery worker service, defaults applied.</summary>
internal sealed record WorkerSettings(string Name, string[] Queues, int? Concurrency, int Cpu, int MemoryMiB, int MinCount, int MaxCount, bool UseSpot, int StopTimeoutSeconds)
{
    /// <summary>The service's construct ID: "Worker" for the default worker, else "Worker" and the name in PascalCase. Stable API.</summary>
    public string ServiceId => Name == Defaults.WorkerName ? "Worker" : "Worker" + string.Concat(Name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The task definition's construct ID.</summary>
    public string TaskId => ServiceId + "Task";
}

/// <summary>The release phase: its commands in order, how long each may run, and the recovery switch.</summary>
internal sealed record ReleaseSettings(IReadOnlyList<string[]> Commands, int TimeoutSeconds, bool Skip);

/// <summary>The PostgreSQL database.</summary>
internal sealed record DatabaseSettings(InstanceType? InstanceType, int AllocatedStorageGiB, bool MultiAz, string Name, int BackupRetentionDays, bool DeletionProtection);

/// <summary>What Django reads from its environment beyond the data stores' addresses.</summary>
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
    IDictionary<string, EcsSecret> Secrets);

/// <summary>
/// Every <see cref="DjangoEcsProps"/> value with its default applied and validated, in plain C#: CDK objects the
/// props carry (a VPC, an instance type, secrets) pass through untouched, so checking the rest needs no CDK runtime.
/// <see cref="Resolve"/> throws <see cref="DjangoCdkValidationException"/> naming the prop.
/// </summary>
internal sealed record DjangoEcsSettings
{
    private static readonly Regex WorkerNamePattern = new("^[a-z][a-z0-9-]{0,30}$", RegexOptions.CultureInvariant);
    private static readonly Regex BucketNamePattern = new(@"^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex ZoneNamePattern = new(@"^[a-z]{2}(-[a-z]+)+-\d[a-z]$", RegexOptions.CultureInvariant);
    private static readonly Regex DatabaseNamePattern = new("^[A-Za-z][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    public required string ImageDirectory { get; init; }
    public required string Dockerfile { get; init; }

    /// <summary>The CPU architecture the user chose, or null for ARM64 (resolved where the CDK runtime is at hand).</summary>
    public Amazon.CDK.AWS.ECS.CpuArchitecture? CpuArchitecture { get; init; }

    public required bool UseCeleryBeat { get; init; }
    public required bool UseEcsExec { get; init; }
    public EcsDomain? Domain { get; init; }
    public required bool OpenLoadBalancer { get; init; }
    public string? BucketName { get; init; }

    /// <summary>The user's VPC, or null when the construct creates one shaped by <see cref="NewVpc"/>.</summary>
    public IVpc? Vpc { get; init; }
    public required NetworkOptions NewVpc { get; init; }

    public required int ContainerPort { get; init; }
    public required AppEnvironmentSettings Environment { get; init; }
    public required WebSettings Web { get; init; }
    public required IReadOnlyList<WorkerSettings> Workers { get; init; }
    public required string CeleryApp { get; init; }
    public required ReleaseSettings Release { get; init; }
    public required DatabaseSettings Database { get; init; }
    public required string CacheNodeType { get; init; }

    /// <summary>Applies the defaults to <paramref name="props"/> and validates every value.</summary>
    public static DjangoEcsSettings Resolve(DjangoEcsProps props, ConstructSite site)
    {
        var check = new Checker(site.Path);
        if (!site.HasRegion)
            throw Errors.Missing(site.Path, "Env.Region",
                "DjangoEcs needs its stack's region: the load balancer writes access logs through the region's Elastic Load Balancing account, which the log bucket's policy must name. " +
                "Give the stack an Env with a Region (e.g. new Amazon.CDK.Environment { Region = System.Environment.GetEnvironmentVariable(\"CDK_DEFAULT_REGION\") }); the account may stay unset.");
        var settings = new DjangoEcsSettings
        {
            ImageDirectory = ResolveImage(props, check),
            Dockerfile = props.Dockerfile ?? Defaults.Dockerfile,
            CpuArchitecture = props.CpuArchitecture,
            UseCeleryBeat = props.UseCeleryBeat ?? false,
            UseEcsExec = props.UseEcsExec ?? false,
            Domain = ResolveDomain(props, site),
            OpenLoadBalancer = props.OpenLoadBalancer ?? true,
            BucketName = ResolveBucketName(props.BucketName, check),
            Vpc = props.Vpc,
            NewVpc = ResolveNetwork(props, site),
            ContainerPort = check.Range(nameof(DjangoEcsProps.ContainerPort), props.ContainerPort ?? Defaults.ContainerPort, 1, 65535),
            Environment = ResolveEnvironment(props, check),
            Web = ResolveWeb(props, check),
            Workers = ResolveWorkers(props.CeleryWorkers, check),
            CeleryApp = props.CeleryApp ?? Defaults.CeleryApp,
            Release = ResolveRelease(props, check),
            Database = ResolveDatabase(props, check),
            CacheNodeType = ResolveCacheNodeType(props.CacheNodeType, check),
        };
        return settings;
    }

    private static string ResolveImage(DjangoEcsProps props, Checker check) =>
        DockerBuildContext.Resolve(check.Path, props.ImageDirectory ?? "", props.Dockerfile, nameof(DjangoEcsProps.ImageDirectory), nameof(DjangoEcsProps.Dockerfile))!.Directory;

    private static EcsDomain? ResolveDomain(DjangoEcsProps props, ConstructSite site)
    {
        DomainSettings.Validate(site, props.ApiDomainName, props.ZoneName, props.HostedZoneId, props.CertificateArn, nameof(DjangoEcsProps.ApiDomainName));
        var names = props.CertificateAlternativeNames ?? [];
        const string namesProp = nameof(DjangoEcsProps.CertificateAlternativeNames);
        if (props.ApiDomainName is not { } domain || props.ZoneName is not { } zone)
        {
            if (names.Length > 0)
                throw Errors.Conflict(site.Path, namesProp, names, $"{nameof(DjangoEcsProps.ApiDomainName)} is not set, so no certificate is created for them to join.");
            return null;
        }

        if (names.Length > 0 && props.CertificateArn is not null)
            throw Errors.Conflict(site.Path, namesProp, names, $"{nameof(DjangoEcsProps.CertificateArn)} is set, so the construct creates no certificate; add the names to that certificate instead.");
        foreach (var name in names.Where(n => !DomainSettings.IsInZone(n, zone)))
            throw Errors.Invalid(site.Path, namesProp, name, $"Each name must be '{zone}' or a subdomain of it, because the certificate is validated through DNS records in that zone.");
        return new EcsDomain(domain, zone, props.HostedZoneId, props.CertificateArn, names);
    }

    private static string? ResolveBucketName(string? name, Checker check)
    {
        if (name is not null && !Tokens.IsUnresolved(name) && !BucketNamePattern.IsMatch(name))
            throw Errors.Invalid(check.Path, nameof(DjangoEcsProps.BucketName), name, "S3 bucket names have 3 to 63 lowercase letters, digits, dots and hyphens, start and end with a letter or digit, and have no '..'. Or leave it unset for a generated name.");
        return name;
    }

    private static NetworkOptions ResolveNetwork(DjangoEcsProps props, ConstructSite site)
    {
        var nat = props.NatStrategy ?? NatStrategy.SingleGateway;
        var options = new NetworkOptions(nat, props.AvailabilityZones, props.NatInstanceImage);
        if (props.Vpc is not null)
        {
            var owned = new (string Prop, object? Value)[]
            {
                (nameof(DjangoEcsProps.NatStrategy), props.NatStrategy?.ToString()),
                (nameof(DjangoEcsProps.NatInstanceImage), props.NatInstanceImage is null ? null : "an image"),
                (nameof(DjangoEcsProps.AvailabilityZones), props.AvailabilityZones),
            };
            foreach (var (prop, value) in owned.Where(o => o.Value is not null))
                throw Errors.Conflict(site.Path, prop, value, $"a Vpc is also given, and {prop} only shapes a VPC the construct creates. Remove {prop}, or remove Vpc.");
            return options;
        }

        if (props.NatInstanceImage is not null && nat != NatStrategy.Instance)
            throw Errors.Conflict(site.Path, nameof(DjangoEcsProps.NatInstanceImage), "an image", $"NatStrategy is {nat}, which runs no NAT instance. Set NatStrategy = NatStrategy.Instance, or remove NatInstanceImage.");
        if (nat == NatStrategy.Instance && props.NatInstanceImage is null && !site.HasEnvironment)
            throw Errors.Missing(site.Path, nameof(DjangoEcsProps.NatInstanceImage),
                "NatStrategy.Instance pins the NAT instance's image by looking up the newest Amazon Linux 2023 once and caching it in cdk.context.json, which needs the stack's account and region, and this stack is environment-agnostic. " +
                "Give the stack an Env (Account and Region, e.g. from CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION), or set NatInstanceImage to an image of your choice (e.g. MachineImage.GenericLinux with a pinned AMI per region).");
        ValidateZones(props.AvailabilityZones, site);
        return options;
    }

    private static void ValidateZones(string[]? zones, ConstructSite site)
    {
        if (zones is null) return;
        const string prop = nameof(DjangoEcsProps.AvailabilityZones);
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

    private static AppEnvironmentSettings ResolveEnvironment(DjangoEcsProps props, Checker check)
    {
        var healthCheckPath = props.HealthCheckPath ?? Defaults.HealthCheckPath;
        if (!healthCheckPath.StartsWith('/'))
            throw Errors.Invalid(check.Path, nameof(DjangoEcsProps.HealthCheckPath), healthCheckPath, "It must be an absolute path starting with '/', e.g. '/api/health-check/'.");
        var variables = props.EnvironmentVariables ?? new Dictionary<string, string>();
        var secrets = props.Secrets ?? new Dictionary<string, EcsSecret>();
        DjangoEnvironment.ValidateUserNames(check.Path, nameof(DjangoEcsProps.EnvironmentVariables), variables.Keys, nameof(DjangoEcsProps.Secrets), secrets.Keys);
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
            secrets);
    }

    private static WebSettings ResolveWeb(DjangoEcsProps props, Checker check)
    {
        check.Command(nameof(DjangoEcsProps.WebCommand), props.WebCommand);
        var web = new WebSettings(
            props.WebCommand,
            props.WebCpu ?? Defaults.WebCpu,
            props.WebMemoryMiB ?? Defaults.WebMemoryMiB,
            props.WebMinCount ?? Defaults.WebMinCapacity,
            props.WebMaxCount ?? Defaults.WebMaxCapacity,
            props.WebCpuTargetPercent ?? Defaults.WebCpuTargetPercent,
            props.WebRequestsPerTarget ?? Defaults.WebRequestsPerTarget);
        FargateSizes.Validate(check.Path, nameof(DjangoEcsProps.WebCpu), web.Cpu, nameof(DjangoEcsProps.WebMemoryMiB), web.MemoryMiB);
        check.Counts(nameof(DjangoEcsProps.WebMinCount), web.MinCount, nameof(DjangoEcsProps.WebMaxCount), web.MaxCount);
        check.Range(nameof(DjangoEcsProps.WebCpuTargetPercent), web.CpuTargetPercent, 10, 90);
        check.Range(nameof(DjangoEcsProps.WebRequestsPerTarget), web.RequestsPerTarget, 1, 1_000_000);
        return web;
    }

    private static IReadOnlyList<WorkerSettings> ResolveWorkers(IList<CeleryWorkerOptions>? options, Checker check)
    {
        var workers = (options ?? [new CeleryWorkerOptions()]).Select(w => new WorkerSettings(
            w.Name ?? Defaults.WorkerName,
            w.Queues ?? [Defaults.WorkerQueue],
            w.Concurrency,
            w.Cpu ?? Defaults.WorkerCpu,
            w.MemoryMiB ?? Defaults.WorkerMemoryMiB,
            w.MinCount ?? Defaults.WorkerMinCapacity,
            w.MaxCount ?? Defaults.WorkerMaxCapacity,
            w.UseSpot ?? false,
            w.StopTimeoutSeconds ?? Defaults.WorkerStopTimeoutSeconds)).ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            var w = workers[i];
            var prefix = $"{nameof(DjangoEcsProps.CeleryWorkers)}[{i}].";
            if (!WorkerNamePattern.IsMatch(w.Name) || w.Name == "web" || w.Name == "beat")
                throw Errors.Invalid(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "Worker names start with a lowercase letter and hold up to 31 lowercase letters, digits and hyphens; 'web' and 'beat' are taken.");
            if (!seen.Add(w.Name))
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "another worker has the same name; names must be unique.");
            if (workers.Take(i).FirstOrDefault(o => new[] { o.ServiceId, o.TaskId }.Intersect([w.ServiceId, w.TaskId]).Any()) is { } clash)
                throw Errors.Conflict(check.Path, prefix + nameof(CeleryWorkerOptions.Name), w.Name, $"its resources would take the construct IDs of worker '{clash.Name}' ({w.ServiceId}, {w.TaskId}); choose a name that differs by more than hyphens or a '-task' suffix.");
            if (w.Queues.Length == 0 || w.Queues.Any(q => string.IsNullOrWhiteSpace(q) || q.Contains(',')))
                throw Errors.Invalid(check.Path, prefix + nameof(CeleryWorkerOptions.Queues), w.Queues, "Give at least one queue name; names cannot be empty or contain commas.");
            if (w.Concurrency is { } c) check.Range(prefix + nameof(CeleryWorkerOptions.Concurrency), c, 1, 256);
            FargateSizes.Validate(check.Path, prefix + nameof(CeleryWorkerOptions.Cpu), w.Cpu, prefix + nameof(CeleryWorkerOptions.MemoryMiB), w.MemoryMiB);
            check.Counts(prefix + nameof(CeleryWorkerOptions.MinCount), w.MinCount, prefix + nameof(CeleryWorkerOptions.MaxCount), w.MaxCount);
            check.Range(prefix + nameof(CeleryWorkerOptions.StopTimeoutSeconds), w.StopTimeoutSeconds, 2, 120);
        }

        return workers;
    }

    private static ReleaseSettings ResolveRelease(DjangoEcsProps props, Checker check)
    {
        var commands = props.ReleaseCommands?.ToList() ?? [Defaults.MigrateCommand, Defaults.CollectStaticCommand];
        for (var i = 0; i < commands.Count; i++)
            check.Command($"{nameof(DjangoEcsProps.ReleaseCommands)}[{i}]", commands[i] ?? []);

        // A Duration is a CDK object: converting it needs the runtime, which a caller that built one has.
        var timeoutSeconds = props.ReleaseTimeout is { } timeout
            ? (int)Math.Ceiling(timeout.ToSeconds(new TimeConversionOptions { Integral = false }))
            : Defaults.ReleaseTimeoutMinutes * 60;
        if (timeoutSeconds < 60 || timeoutSeconds > ReleasePhase.MaxTaskTimeoutSeconds)
            throw Errors.OutOfRange(check.Path, nameof(DjangoEcsProps.ReleaseTimeout), props.ReleaseTimeout?.ToHumanString(),
                $"Allowed: 1 to {Defaults.ReleaseMaxTimeoutMinutes} minutes (CloudFormation waits at most one hour for a custom resource, and the waiter keeps a few minutes of margin). Split a longer migration into several release commands, or run it once by hand (RunManagementCommand output).");
        return new ReleaseSettings(commands, timeoutSeconds, props.SkipRelease ?? false);
    }

    private static DatabaseSettings ResolveDatabase(DjangoEcsProps props, Checker check)
    {
        var database = new DatabaseSettings(
            props.DatabaseInstanceType,
            props.DatabaseAllocatedStorageGiB ?? Defaults.DatabaseAllocatedStorageGiB,
            props.DatabaseMultiAz ?? false,
            props.DatabaseName ?? Defaults.DatabaseName,
            props.DatabaseBackupRetentionDays ?? Defaults.DatabaseBackupRetentionDays,
            props.DatabaseDeletionProtection ?? true);
        check.Range(nameof(DjangoEcsProps.DatabaseBackupRetentionDays), database.BackupRetentionDays, 1, 35);
        check.Range(nameof(DjangoEcsProps.DatabaseAllocatedStorageGiB), database.AllocatedStorageGiB, 20, 65536);
        if (!DatabaseNamePattern.IsMatch(database.Name))
            throw Errors.Invalid(check.Path, nameof(DjangoEcsProps.DatabaseName), database.Name, "PostgreSQL database names here start with a letter and hold up to 63 letters, digits and underscores.");
        return database;
    }

    private static string ResolveCacheNodeType(string? nodeType, Checker check)
    {
        if (nodeType is not null && !nodeType.StartsWith("cache.", StringComparison.Ordinal))
            throw Errors.Invalid(check.Path, nameof(DjangoEcsProps.CacheNodeType), nodeType, "ElastiCache node types start with 'cache.', e.g. 'cache.t4g.micro' or 'cache.r7g.large'.");
        return nodeType ?? Defaults.CacheNodeType;
    }

    /// <summary>The checks several props share, bound to the construct path errors name.</summary>
    private sealed record Checker(string Path)
    {
        public T Range<T>(string prop, T value, double min, double max) where T : IConvertible
        {
            var number = value.ToDouble(CultureInfo.InvariantCulture);
            if (number < min || number > max)
                throw Errors.OutOfRange(Path, prop, number.ToString(CultureInfo.InvariantCulture), $"Allowed: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return value;
        }

        public void Counts(string minProp, int min, string maxProp, int max)
        {
            Range(minProp, min, 1, 1000);
            Range(maxProp, max, 1, 1000);
            if (min > max)
                throw Errors.Conflict(Path, minProp, min, $"{maxProp} is {max}; the minimum cannot be above the maximum.");
        }

        public void Command(string prop, string[]? command)
        {
            if (command is null) return;
            if (command.Length == 0 || command.Any(string.IsNullOrWhiteSpace))
                throw Errors.Invalid(Path, prop, command, "A command is a non-empty list of non-empty arguments, e.g. [\"python\", \"manage.py\", \"migrate\"].");
        }
    }
}
