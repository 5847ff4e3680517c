using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.EC2;

namespace DjangoCdk;

/// <summary>The domain a <see cref="DockerEc2"/> is served on, when <see cref="DockerEc2Props.DomainName"/> is set.</summary>
internal sealed record Ec2Domain(string Name, string ZoneName, string? HostedZoneId);

/// <summary>SSH access, when <see cref="DockerEc2Props.KeyName"/> is set.</summary>
internal sealed record Ec2Ssh(string KeyName, string Cidr);

/// <summary>A Docker image built from a directory.</summary>

/// <summary>A compose file in S3 that replaces the bundled one.</summary>
internal sealed record Ec2StackFile(string Bucket, string Key);

/// <summary>
/// Every <see cref="DockerEc2Props"/> value with its default applied and validated, in plain C#: the machine image
/// passes through untouched, so checking the rest needs no CDK runtime. <see cref="Resolve"/> throws
/// <see cref="DjangoCdkValidationException"/> naming the prop.
/// </summary>
internal sealed record DockerEc2Settings
{
    private static readonly Regex DomainPattern = new(@"^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z][a-z0-9-]{0,62}(?<!-)$", RegexOptions.CultureInvariant);
    private static readonly Regex InstanceTypePattern = new(@"^(?<family>[a-z]+)(?<generation>\d+)(?<attributes>[a-z-]*)\.(?<size>[a-z0-9]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex StackFilePattern = new(@"^s3://(?<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?<key>.+)$", RegexOptions.CultureInvariant);
    private static readonly Regex CidrPattern = new(@"^(?<address>\d{1,3}(?:\.\d{1,3}){3})/(?<prefix>\d{1,2})$", RegexOptions.CultureInvariant);

    public required DockerBuildContext Django { get; init; }
    public string? DockerTarget { get; init; }
    public DockerBuildContext? Frontend { get; init; }
    public required int FrontendPort { get; init; }
    public Ec2Domain? Domain { get; init; }
    public Ec2Ssh? Ssh { get; init; }
    public Ec2StackFile? StackFile { get; init; }
    public required string InstanceType { get; init; }

    /// <summary>Whether <see cref="InstanceType"/> is a Graviton (arm64) type.</summary>
    public required bool Arm64 { get; init; }

    /// <summary>The user's image, or null for the pinned Amazon Linux 2023 lookup.</summary>
    public IMachineImage? MachineImage { get; init; }
    public required int RootVolumeGiB { get; init; }
    public required int DataVolumeGiB { get; init; }
    public required int BackupRetentionDays { get; init; }
    public required bool UseCeleryBeat { get; init; }
    public required string HealthCheckPath { get; init; }
    public required string SettingsModule { get; init; }
    public required bool Debug { get; init; }
    public required IDictionary<string, string> Variables { get; init; }

    /// <summary>EnvironmentAliases, checked; empty when none.</summary>
    public required IReadOnlyDictionary<string, string> Aliases { get; init; }
    public required int BootTimeoutMinutes { get; init; }

    /// <summary>The CPU credits the instance type earns, or null when it is not burstable.</summary>
    public BurstableCredits? Credits { get; init; }

    /// <summary>Whether the system status check alarm can recover the instance (see <see cref="IsRecoverable"/>).</summary>
    public required bool Recoverable { get; init; }

    /// <summary>Alarms, topic and dashboard of the host; null when <see cref="DockerEc2Props.Monitoring"/> turns them off.</summary>
    public MonitoringSettings? Monitoring { get; init; }

    /// <summary>The contract values DockerEc2 does not set: its Redis, on the private Docker network, has no password.</summary>
    private static readonly IReadOnlyDictionary<string, string> Unavailable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DjangoEnvironment.RedisPassword] = "its Redis runs on the private Docker network without AUTH, so there is no password (REDIS_URL is redis://redis:6379/0). Remove the alias.",
    };

    /// <summary>Applies the defaults to <paramref name="props"/> and validates every value.</summary>
    public static DockerEc2Settings Resolve(DockerEc2Props props, ConstructSite site)
    {
        var (instanceType, arm64) = ResolveInstanceType(props.InstanceType, site);
        var credits = BurstableCredits.Of(instanceType);
        return new DockerEc2Settings
        {
            Django = ResolveImage(site, props.ImageDirectory, props.Dockerfile, nameof(DockerEc2Props.ImageDirectory), nameof(DockerEc2Props.Dockerfile))
                ?? throw Errors.Missing(site.Path, nameof(DockerEc2Props.ImageDirectory), "Pass the Docker build context of your Django project, e.g. \"./backend\"."),
            DockerTarget = ResolveImage(site, props.ImageDirectory, props.Dockerfile, nameof(DockerEc2Props.ImageDirectory), nameof(DockerEc2Props.Dockerfile))
                ?.Target(site.Path, props.DockerTarget, nameof(DockerEc2Props.DockerTarget)),
            Frontend = ResolveFrontend(props, site),
            FrontendPort = Range(site, nameof(DockerEc2Props.FrontendPort), props.FrontendPort ?? Defaults.Ec2FrontendPort, 1, 65535),
            Domain = ResolveDomain(props, site),
            Ssh = ResolveSsh(props, site),
            StackFile = ResolveStackFile(props.StackFileUri, site),
            InstanceType = instanceType,
            Arm64 = arm64,
            MachineImage = ResolveMachineImage(props.MachineImage, site),
            RootVolumeGiB = Range(site, nameof(DockerEc2Props.RootVolumeGiB), props.RootVolumeGiB ?? Defaults.Ec2RootVolumeGiB, 8, 16384),
            DataVolumeGiB = Range(site, nameof(DockerEc2Props.DataVolumeGiB), props.DataVolumeGiB ?? Defaults.Ec2DataVolumeGiB, 1, 16384),
            BackupRetentionDays = Range(site, nameof(DockerEc2Props.BackupRetentionDays), props.BackupRetentionDays ?? Defaults.Ec2BackupRetentionDays, 1, 1000),
            UseCeleryBeat = props.UseCeleryBeat ?? true,
            HealthCheckPath = ResolveHealthCheckPath(props.HealthCheckPath, site),
            SettingsModule = props.SettingsModule ?? Defaults.SettingsModule,
            Debug = props.Debug ?? false,
            Variables = ResolveVariables(props.EnvironmentVariables, site),
            Aliases = AppSettings.Aliases(site.Path, props.EnvironmentAliases, props.EnvironmentVariables?.Keys ?? [], "Secrets", [], Unavailable),
            BootTimeoutMinutes = Range(site, nameof(DockerEc2Props.BootTimeoutMinutes), props.BootTimeoutMinutes ?? Defaults.Ec2BootTimeoutMinutes, 5, 720),
            Credits = credits,
            Recoverable = IsRecoverable(instanceType),
            Monitoring = MonitoringSettings.Resolve(props.Monitoring, new PropChecks(site.Path), new MonitoredHost(instanceType, credits is not null)),
        };
    }

    /// <summary>Whether <paramref name="instanceType"/> is a Graviton type: a1, or a generation followed by attributes with "g" (t4g, c7gn, im4gn).</summary>
    public static bool IsArm64(string instanceType)
    {
        var match = InstanceTypePattern.Match(instanceType);
        if (!match.Success) return false;
        return match.Groups["family"].Value == "a" && match.Groups["generation"].Value == "1" || match.Groups["attributes"].Value.Contains('g');
    }

    /// <summary>
    /// Whether CloudWatch can recover an instance of <paramref name="instanceType"/>, as far as the name tells: EC2 does
    /// not recover an instance with instance store volumes (EC2 User Guide, "Automatic instance recovery": attached
    /// instance store storage is an unsupported configuration), and its list of supported types (DescribeInstanceTypes'
    /// AutoRecoverySupported) covers the general-purpose, compute and memory families. So: families a, c, m, r, t and x
    /// without a "d" (local NVMe disks: m5d, c6gd, r7gd, x2idn) and not bare metal. Other families (accelerated, storage-
    /// optimised, many with instance store) are left to EC2's simplified automatic recovery and the notification.
    /// </summary>
    public static bool IsRecoverable(string instanceType)
    {
        var match = InstanceTypePattern.Match(instanceType);
        return match.Success && match.Groups["family"].Value is "a" or "c" or "m" or "r" or "t" or "x"
            && !match.Groups["attributes"].Value.Contains('d')
            && !match.Groups["size"].Value.StartsWith("metal", StringComparison.Ordinal);
    }

    private static DockerBuildContext? ResolveImage(ConstructSite site, string? directory, string? dockerfile, string directoryProp, string dockerfileProp) =>
        DockerBuildContext.Resolve(site.Path, directory, dockerfile, directoryProp, dockerfileProp);

    private static DockerBuildContext? ResolveFrontend(DockerEc2Props props, ConstructSite site)
    {
        if (props.FrontendImageDirectory is null)
        {
            if (props.FrontendImageDockerfile is not null)
                throw Errors.Conflict(site.Path, nameof(DockerEc2Props.FrontendImageDockerfile), props.FrontendImageDockerfile, $"{nameof(DockerEc2Props.FrontendImageDirectory)} is not set, so there is no frontend image to build. Set it, or remove {nameof(DockerEc2Props.FrontendImageDockerfile)}.");
            if (props.FrontendPort is not null)
                throw Errors.Conflict(site.Path, nameof(DockerEc2Props.FrontendPort), props.FrontendPort, $"{nameof(DockerEc2Props.FrontendImageDirectory)} is not set, so there is no frontend to reach. Set it, or remove {nameof(DockerEc2Props.FrontendPort)}.");
            return null;
        }

        return ResolveImage(site, props.FrontendImageDirectory, props.FrontendImageDockerfile, nameof(DockerEc2Props.FrontendImageDirectory), nameof(DockerEc2Props.FrontendImageDockerfile));
    }

    private static Ec2Domain? ResolveDomain(DockerEc2Props props, ConstructSite site)
    {
        const string domainProp = nameof(DockerEc2Props.DomainName);
        foreach (var (prop, value) in new[] { (domainProp, props.DomainName), (DomainSettings.ZoneNameProp, props.ZoneName) })
        {
            if (value is not null && !string.IsNullOrWhiteSpace(value) && !Tokens.IsUnresolved(value) && !DomainPattern.IsMatch(value.TrimEnd('.').ToLowerInvariant()))
                throw Errors.Invalid(site.Path, prop, value, "Give a DNS name such as 'app.example.com': labels of letters, digits and hyphens (not at either end), separated by dots, at most 253 characters, no scheme, path or port.");
        }

        DomainSettings.Validate(site, props.DomainName, props.ZoneName, props.HostedZoneId, null, domainProp);
        if (props.DomainName is not { } domain || props.ZoneName is not { } zone) return null;
        return new Ec2Domain(domain.TrimEnd('.').ToLowerInvariant(), zone.TrimEnd('.'), props.HostedZoneId);
    }

    private static Ec2Ssh? ResolveSsh(DockerEc2Props props, ConstructSite site)
    {
        const string keyProp = nameof(DockerEc2Props.KeyName);
        const string cidrProp = nameof(DockerEc2Props.SshCidr);
        if (props.KeyName is null)
        {
            if (props.SshCidr is not null)
                throw Errors.Conflict(site.Path, cidrProp, props.SshCidr, $"{keyProp} is not set, so SSH stays closed. Set {keyProp} to open it, or remove {cidrProp} (Session Manager needs no open port).");
            return null;
        }

        if (string.IsNullOrWhiteSpace(props.KeyName))
            throw Errors.Invalid(site.Path, keyProp, props.KeyName, "Give the name of an existing EC2 key pair, or leave it unset and use Session Manager.");
        if (props.SshCidr is not { } cidr)
            throw Errors.Missing(site.Path, cidrProp,
                $"With {keyProp} set, SSH is opened only to the addresses you name: give your IPv4 range, e.g. '203.0.113.7/32'. Or remove {keyProp} and use Session Manager (the SessionCommand output).");
        if (Tokens.IsUnresolved(cidr)) return new Ec2Ssh(props.KeyName, cidr);
        var match = CidrPattern.Match(cidr);
        if (!match.Success || !IPAddress.TryParse(match.Groups["address"].Value, out _) ||
            match.Groups["address"].Value.Split('.').Any(o => int.Parse(o, CultureInfo.InvariantCulture) > 255) ||
            int.Parse(match.Groups["prefix"].Value, CultureInfo.InvariantCulture) > 32)
            throw Errors.Invalid(site.Path, cidrProp, cidr, "Give an IPv4 range in CIDR notation, e.g. '203.0.113.7/32' for one address.");
        if (int.Parse(match.Groups["prefix"].Value, CultureInfo.InvariantCulture) < 8)
            throw Errors.Invalid(site.Path, cidrProp, cidr, "SSH open to the whole internet (or a /0 to /7 range) is refused: give the address you administer from, e.g. '203.0.113.7/32', or remove KeyName and use Session Manager.");
        return new Ec2Ssh(props.KeyName, cidr);
    }

    private static Ec2StackFile? ResolveStackFile(string? uri, ConstructSite site)
    {
        if (uri is null) return null;
        var match = StackFilePattern.Match(uri);
        if (!match.Success)
            throw Errors.Invalid(site.Path, nameof(DockerEc2Props.StackFileUri), uri,
                "Give an S3 URI, s3://bucket/key/compose.yaml: the instance reads it with its role at boot. Files from the internet (https://) are refused, since anyone who can change them would run code on the instance.");
        return new Ec2StackFile(match.Groups["bucket"].Value, match.Groups["key"].Value);
    }

    private static (string InstanceType, bool Arm64) ResolveInstanceType(string? given, ConstructSite site)
    {
        var instanceType = given ?? Defaults.Ec2InstanceType;
        if (!InstanceTypePattern.IsMatch(instanceType))
            throw Errors.Invalid(site.Path, nameof(DockerEc2Props.InstanceType), instanceType, "Give an EC2 instance type such as 't4g.small' (Graviton) or 't3.small' (x86).");
        return (instanceType, IsArm64(instanceType));
    }

    private static IMachineImage? ResolveMachineImage(IMachineImage? image, ConstructSite site)
    {
        if (image is null && !site.HasEnvironment)
            throw Errors.Missing(site.Path, nameof(DockerEc2Props.MachineImage),
                "Without it the newest Amazon Linux 2023 image is looked up once and pinned in cdk.context.json, which needs the stack's account and region, and this stack is environment-agnostic. " +
                "Give the stack an Env (Account and Region, e.g. from CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION), or set MachineImage (e.g. MachineImage.GenericLinux with a pinned Amazon Linux 2023 AMI per region).");
        return image;
    }

    private static string ResolveHealthCheckPath(string? path, ConstructSite site)
    {
        var value = path ?? Defaults.HealthCheckPath;
        if (!Regex.IsMatch(value, "^/[A-Za-z0-9/_.~-]*$", RegexOptions.CultureInvariant))
            throw Errors.Invalid(site.Path, nameof(DockerEc2Props.HealthCheckPath), value, "It must be an absolute path starting with '/' of letters, digits and / _ . ~ -, e.g. '/api/health-check/'.");
        return value;
    }

    private static IDictionary<string, string> ResolveVariables(IDictionary<string, string>? variables, ConstructSite site)
    {
        var values = variables ?? new Dictionary<string, string>();
        const string prop = nameof(DockerEc2Props.EnvironmentVariables);
        DjangoEnvironment.ValidateUserNames(site.Path, prop, values.Keys, prop, []);
        foreach (var (name, value) in values)
        {
            if (value.IndexOfAny(['\n', '\r', '\'', '"']) >= 0)
                throw Errors.Invalid(site.Path, $"{prop}[{name}]", value, "Values are written to an env file on the instance: they may not contain line breaks or quotes.");
        }

        return values;
    }

    private static int Range(ConstructSite site, string prop, int value, int min, int max)
    {
        if (value < min || value > max)
            throw Errors.OutOfRange(site.Path, prop, value, $"Allowed: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }
}
