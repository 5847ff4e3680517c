using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace DjangoCdk;

/// <summary>The domain a <see cref="DjangoEcs"/> is served on, when <see cref="DjangoEcsProps.ApiDomainName"/> is set.</summary>
internal sealed record EcsDomain(string Name, string ZoneName, string? HostedZoneId, string? CertificateArn, string[] AlternativeNames);

/// <summary>The gunicorn web service.</summary>
internal sealed record WebSettings(string[]? Command, int Cpu, int MemoryMiB, int MinCount, int MaxCount, double CpuTargetPercent, double RequestsPerTarget);

/// <summary>
/// Every <see cref="DjangoEcsProps"/> value with its default applied and validated, in plain C#: CDK objects the
/// props carry (a VPC, an instance type, secrets) pass through untouched, so checking the rest needs no CDK runtime.
/// <see cref="Resolve"/> throws <see cref="DjangoCdkValidationException"/> naming the prop.
/// </summary>
internal sealed record DjangoEcsSettings
{
    /// <summary>What DjangoEcs shares with DjangoEks: image, network, environment, workers, release, data stores.</summary>
    public required DjangoAppSettings App { get; init; }

    /// <summary>The CPU architecture the user chose, or null for ARM64 (resolved where the CDK runtime is at hand).</summary>
    public Amazon.CDK.AWS.ECS.CpuArchitecture? CpuArchitecture { get; init; }

    public required bool UseEcsExec { get; init; }
    public EcsDomain? Domain { get; init; }
    public required bool OpenLoadBalancer { get; init; }

    /// <summary>The user's secrets (<see cref="DjangoEcsProps.Secrets"/>).</summary>
    public required IDictionary<string, EcsSecret> Secrets { get; init; }
    public required WebSettings Web { get; init; }

    /// <summary>
    /// Applies the defaults to <paramref name="props"/> and validates every value, then checks that the stack stays
    /// inside CloudFormation's limits (<see cref="StackLimits"/>) with <paramref name="alongside"/>, what the construct
    /// that composes this one adds to the same stack (DjangoVue's site).
    /// </summary>
    public static DjangoEcsSettings Resolve(DjangoEcsProps props, ConstructSite site, StackSize alongside = default)
    {
        var check = new PropChecks(site.Path);
        AppSettings.RequireRegion(site, nameof(DjangoEcs));
        var secrets = props.Secrets ?? new Dictionary<string, EcsSecret>();
        var settings = new DjangoEcsSettings
        {
            App = DjangoAppSettings.Resolve(props, site, secrets.Keys, (prefix, w) =>
            {
                FargateSizes.Validate(check.Path, prefix + nameof(CeleryWorkerOptions.Cpu), w.Cpu, prefix + nameof(CeleryWorkerOptions.MemoryMiB), w.MemoryMiB);
                check.Range(prefix + nameof(CeleryWorkerOptions.StopTimeoutSeconds), w.StopTimeoutSeconds, 2, 120);
            }, queueScalingHost: null),
            CpuArchitecture = props.CpuArchitecture,
            UseEcsExec = props.UseEcsExec ?? false,
            Domain = ResolveDomain(props, site),
            OpenLoadBalancer = props.OpenLoadBalancer ?? true,
            Secrets = secrets,
            Web = ResolveWeb(props, check),
        };
        QueueDepthPublisher.CheckSize(site.Path, settings.App.Workers);
        var estimate = StackFootprints.ForEcs(settings);
        StackLimits.Check(site.Path, estimate with { Rest = estimate.Rest + alongside }, nameof(DjangoEcs),
            "create their FargateServices there on this construct's Cluster, with its Image, TaskRole, ExecutionRole and AppSecurityGroup; a second DjangoEcs would create a second database");
        return settings;
    }

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

    private static WebSettings ResolveWeb(DjangoEcsProps props, PropChecks check)
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
}
