using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;

namespace DjangoCdk;

/// <summary>
/// A Django application on ECS Fargate: gunicorn behind an Application Load Balancer, Celery workers and beat,
/// PostgreSQL on RDS, Redis on ElastiCache, a private S3 bucket for static and media files, and a release phase that
/// runs migrations and collectstatic with the new image before any service rolls.
/// </summary>
public sealed class DjangoEcs : Construct
{
    /// <summary>The name of the web container, which release and one-off tasks override.</summary>
    public const string WebContainerName = "web";

    /// <summary>Construct IDs: renaming one replaces the cloud resource, so they are stable API.</summary>
    internal static class Ids
    {
        public const string Vpc = "Vpc";
        public const string LogsBucket = "AccessLogs";
        public const string StaticFiles = "StaticFiles";
        public const string Cluster = "Cluster";
        public const string Image = "Image";
        public const string AppSecurityGroup = "AppSecurityGroup";
        public const string Database = "Database";
        public const string Cache = "Cache";
        public const string SecretKey = "SecretKey";
        public const string Logs = "Logs";
        public const string TaskRole = "TaskRole";
        public const string ExecutionRole = "ExecutionRole";
        public const string LoadBalancer = "LoadBalancer";
        public const string HostedZone = "HostedZone";
        public const string Certificate = "Certificate";
        public const string HttpListener = "Http";
        public const string HttpsListener = "Https";
        public const string WebTargets = "WebTargets";
        public const string AliasRecord = "AliasRecord";
        public const string Web = "Web";
        public const string WebTask = "WebTask";
        public const string Beat = "Beat";
        public const string BeatTask = "BeatTask";
        public const string Release = "Release";
        public const string ExecKey = "ExecKey";
        public const string ExecLogs = "ExecLogs";
        public const string DatabaseProtection = "DatabaseProtection";
    }

    private static readonly Regex WorkerNamePattern = new("^[a-z][a-z0-9-]{0,30}$", RegexOptions.CultureInvariant);
    private static readonly Regex BucketNamePattern = new(@"^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex ZoneNamePattern = new(@"^[a-z]{2}(-[a-z]+)+-\d[a-z]$", RegexOptions.CultureInvariant);
    private static readonly Regex DatabaseNamePattern = new("^[A-Za-z][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    /// <summary>Creates the application.</summary>
    public DjangoEcs(Construct scope, string id, DjangoEcsProps props) : base(scope, id)
    {
        // Defaults.
        var imageDirectory = props.ImageDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;
        var dockerfile = props.Dockerfile ?? Defaults.Dockerfile;
        var useBeat = props.UseCeleryBeat ?? false;
        var useExec = props.UseEcsExec ?? false;
        var healthCheckPath = props.HealthCheckPath ?? Defaults.HealthCheckPath;
        var containerPort = props.ContainerPort ?? Defaults.ContainerPort;
        var settingsModule = props.SettingsModule ?? Defaults.SettingsModule;
        var debug = props.Debug ?? false;
        var architecture = props.CpuArchitecture ?? Amazon.CDK.AWS.ECS.CpuArchitecture.ARM64;
        var webCpu = props.WebCpu ?? Defaults.WebCpu;
        var webMemory = props.WebMemoryMiB ?? Defaults.WebMemoryMiB;
        var webMin = props.WebMinCount ?? Defaults.WebMinCapacity;
        var webMax = props.WebMaxCount ?? Defaults.WebMaxCapacity;
        var cpuTarget = props.WebCpuTargetPercent ?? Defaults.WebCpuTargetPercent;
        var requestsTarget = props.WebRequestsPerTarget ?? Defaults.WebRequestsPerTarget;
        var workers = (props.CeleryWorkers ?? [new CeleryWorkerOptions()]).Select(ResolveWorker).ToList();
        var celeryApp = props.CeleryApp ?? Defaults.CeleryApp;
        var releaseCommands = props.ReleaseCommands?.ToList() ?? [Defaults.MigrateCommand, Defaults.CollectStaticCommand];
        var releaseTimeoutSeconds = (int)Math.Ceiling(props.ReleaseTimeout?.ToSeconds(new TimeConversionOptions { Integral = false }) ?? Defaults.ReleaseTimeoutMinutes * 60);
        var databaseName = props.DatabaseName ?? Defaults.DatabaseName;
        var backupDays = props.DatabaseBackupRetentionDays ?? Defaults.DatabaseBackupRetentionDays;
        var storage = props.DatabaseAllocatedStorageGiB ?? Defaults.DatabaseAllocatedStorageGiB;
        var userVariables = props.EnvironmentVariables ?? new Dictionary<string, string>();
        var userSecrets = props.Secrets ?? new Dictionary<string, EcsSecret>();
        var openLoadBalancer = props.OpenLoadBalancer ?? true;
        var alternativeNames = props.CertificateAlternativeNames ?? [];
        var skipRelease = props.SkipRelease ?? false;
        var protectDatabase = props.DatabaseDeletionProtection ?? true;

        // Validation.
        ValidateImage(imageDirectory, props.ImageDirectory, dockerfile);
        DomainSettings.Validate(this, props.ApiDomainName, props.ZoneName, props.HostedZoneId, props.CertificateArn,
            nameof(DjangoEcsProps.ApiDomainName));
        ValidateAlternativeNames(alternativeNames, props);
        ValidateNetwork(props);
        ValidateCommand(nameof(DjangoEcsProps.WebCommand), props.WebCommand);
        for (var i = 0; i < releaseCommands.Count; i++)
            ValidateCommand($"{nameof(DjangoEcsProps.ReleaseCommands)}[{i}]", releaseCommands[i] ?? []);
        if (!healthCheckPath.StartsWith('/'))
            throw Errors.Invalid(this, nameof(DjangoEcsProps.HealthCheckPath), healthCheckPath, "It must be an absolute path starting with '/', e.g. '/api/health-check/'.");
        RequireRange(nameof(DjangoEcsProps.ContainerPort), containerPort, 1, 65535);
        FargateSizes.Validate(this, nameof(DjangoEcsProps.WebCpu), webCpu, nameof(DjangoEcsProps.WebMemoryMiB), webMemory);
        ValidateCounts(nameof(DjangoEcsProps.WebMinCount), webMin, nameof(DjangoEcsProps.WebMaxCount), webMax);
        RequireRange(nameof(DjangoEcsProps.WebCpuTargetPercent), cpuTarget, 10, 90);
        RequireRange(nameof(DjangoEcsProps.WebRequestsPerTarget), requestsTarget, 1, 1_000_000);
        ValidateWorkers(workers);
        if (releaseTimeoutSeconds < 60 || releaseTimeoutSeconds > ReleasePhase.MaxTaskTimeoutSeconds)
            throw Errors.OutOfRange(this, nameof(DjangoEcsProps.ReleaseTimeout), props.ReleaseTimeout!.ToHumanString(), $"Allowed: 1 to {Defaults.ReleaseMaxTimeoutMinutes} minutes (CloudFormation waits at most one hour for a custom resource, and the waiter keeps a few minutes of margin). Split a longer migration into several release commands, or run it once by hand (RunManagementCommand output).");
        RequireRange(nameof(DjangoEcsProps.DatabaseBackupRetentionDays), backupDays, 1, 35);
        RequireRange(nameof(DjangoEcsProps.DatabaseAllocatedStorageGiB), storage, 20, 65536);
        if (!DatabaseNamePattern.IsMatch(databaseName))
            throw Errors.Invalid(this, nameof(DjangoEcsProps.DatabaseName), databaseName, "PostgreSQL database names here start with a letter and hold up to 63 letters, digits and underscores.");
        if (props.BucketName is { } bucketName && !Token.IsUnresolved(bucketName) && !BucketNamePattern.IsMatch(bucketName))
            throw Errors.Invalid(this, nameof(DjangoEcsProps.BucketName), bucketName, "S3 bucket names have 3 to 63 lowercase letters, digits, dots and hyphens, start and end with a letter or digit, and have no '..'. Or leave it unset for a generated name.");
        if (props.CacheNodeType is { } nodeType && !nodeType.StartsWith("cache.", StringComparison.Ordinal))
            throw Errors.Invalid(this, nameof(DjangoEcsProps.CacheNodeType), nodeType, "ElastiCache node types start with 'cache.', e.g. 'cache.t4g.micro' or 'cache.r7g.large'.");
        DjangoEnvironment.ValidateUserNames(this, nameof(DjangoEcsProps.EnvironmentVariables), userVariables.Keys,
            nameof(DjangoEcsProps.Secrets), userSecrets.Keys);
        if (debug)
            Annotations.Of(this).AddWarningV2("djangocdk:debug", "Debug is true: Django runs with DEBUG=1 and shows settings and source code in error pages. Never use it in production.");

        // Network, storage and data.
        var stack = Stack.Of(this);
        Vpc = props.Vpc ?? Network.CreateVpc(this, Ids.Vpc, new NetworkOptions(props.NatStrategy ?? DjangoCdk.NatStrategy.SingleGateway, props.AvailabilityZones, props.NatInstanceImage));
        AccessLogsBucket = Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        StaticFileBucket = Buckets.CreateAssetsBucket(this, Ids.StaticFiles, props.BucketName, AccessLogsBucket);
        AppSecurityGroup = new SecurityGroup(this, Ids.AppSecurityGroup, new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "Django application tasks (web, workers, beat, release)",
            AllowAllOutbound = true,
        });
        Database = PostgresDatabase.Create(this, Ids.Database, new PostgresDatabaseOptions(
            Vpc, props.DatabaseInstanceType ?? new InstanceType(Defaults.DatabaseInstanceType), storage,
            props.DatabaseMultiAz ?? false, databaseName, backupDays));
        Database.Connections.AllowFrom(AppSecurityGroup, Port.Tcp(Defaults.PostgresPort), "PostgreSQL from the Django application");
        var cache = new RedisCache(this, Ids.Cache, Vpc, props.CacheNodeType ?? Defaults.CacheNodeType);
        cache.AllowFrom(AppSecurityGroup);
        Cache = cache.ReplicationGroup;
        CacheAuthToken = cache.AuthToken;
        SecretKey = new Amazon.CDK.AWS.SecretsManager.Secret(this, Ids.SecretKey, new SecretProps
        {
            Description = "Django SECRET_KEY",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludeCharacters = "'\"\\` $%" },
            // A new value logs every user out and invalidates signed tokens: kept on deletion and replacement (removed
            // only when the deployment that created it rolls back). The generator settings above are pinned by a test.
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });
        NagSuppressions.Add(SecretKey, new NagSuppression("AwsSolutions-SMG4",
            "Rotating SECRET_KEY invalidates every session and signed token; Django 4.1+ supports SECRET_KEY_FALLBACKS for a planned rotation, which is a deliberate operation rather than a schedule."));

        // Cluster and image.
        ExecKey = useExec ? new Key(this, Ids.ExecKey, new KeyProps { EnableKeyRotation = true, Description = "Encrypts ECS Exec sessions and their logs" }) : null;
        LogGroup? execLogs = null;
        if (ExecKey is not null)
        {
            // CloudWatch Logs encrypts the session log group with the key: the key policy AWS documents for it
            // (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"), limited to this
            // account's log groups in this region.
            ExecKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
                Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["ArnLike"] = new Dictionary<string, object>
                    {
                        ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*",
                    },
                },
            }));
            execLogs = new LogGroup(this, Ids.ExecLogs, new LogGroupProps { EncryptionKey = ExecKey, Retention = RetentionDays.ONE_YEAR });
        }

        Cluster = new Cluster(this, Ids.Cluster, new ClusterProps
        {
            Vpc = Vpc,
            ContainerInsights = true,
            EnableFargateCapacityProviders = true,
            ExecuteCommandConfiguration = ExecKey is null ? null : new ExecuteCommandConfiguration
            {
                KmsKey = ExecKey,
                Logging = ExecuteCommandLogging.OVERRIDE,
                LogConfiguration = new ExecuteCommandLogConfiguration { CloudWatchLogGroup = execLogs, CloudWatchEncryptionEnabled = true },
            },
        });
        ImageAsset = new DockerImageAsset(this, Ids.Image, new DockerImageAssetProps
        {
            Directory = imageDirectory!,
            File = dockerfile,
            Platform = architecture == Amazon.CDK.AWS.ECS.CpuArchitecture.X86_64 ? Platform_.LINUX_AMD64 : Platform_.LINUX_ARM64,
        });
        Aspects.Of(this).Add(new CapacityProviderDependency(Cluster));
        Image = ContainerImage.FromDockerImageAsset(ImageAsset);
        LogGroup = new LogGroup(this, Ids.Logs, new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        TaskRole = new Role(this, Ids.TaskRole, new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Django application tasks: the static and media bucket",
        });
        GrantStorage(StaticFileBucket, TaskRole);
        ExecutionRole = new Role(this, Ids.ExecutionRole, new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "ECS agent: pulls the Django image, reads its secrets, writes its logs",
        });

        // Load balancer, TLS and DNS.
        LoadBalancer = new ApplicationLoadBalancer(this, Ids.LoadBalancer, new ApplicationLoadBalancerProps
        {
            Vpc = Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            DropInvalidHeaderFields = true,
        });
        LoadBalancer.LogAccessLogs(AccessLogsBucket, "alb/" + id);
        if (openLoadBalancer)
        {
            NagSuppressions.Add(LoadBalancer.Connections.SecurityGroups[0], new NagSuppression("AwsSolutions-EC23",
                "This is the public entry point of the web site: it must accept HTTP and HTTPS from any address. Only ports 80 (redirect or app) and 443 are open."));
        }

        var domain = props.ApiDomainName;
        IHostedZone? zone = null;
        if (domain is not null)
        {
            zone = DomainSettings.HostedZone(this, Ids.HostedZone, props.ZoneName!, props.HostedZoneId);
            Certificate = props.CertificateArn is not null
                ? Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, Ids.Certificate, props.CertificateArn)
                : new Certificate(this, Ids.Certificate, new CertificateProps
                {
                    DomainName = domain,
                    SubjectAlternativeNames = alternativeNames.Length > 0 ? alternativeNames : null,
                    Validation = CertificateValidation.FromDns(zone),
                });
        }

        ApiDomainName = domain ?? LoadBalancer.LoadBalancerDnsName;
        SiteUrl = (domain is null ? "http://" : "https://") + ApiDomainName;
        var allowedHosts = new[] { ApiDomainName }.Concat(props.ExtraAllowedHosts ?? []);
        var csrfOrigins = (domain is null ? [] : new[] { SiteUrl }).Concat(props.ExtraCsrfTrustedOrigins ?? []);

        ApplicationListener appListener;
        if (Certificate is not null)
        {
            appListener = LoadBalancer.AddListener(Ids.HttpsListener, new BaseApplicationListenerProps
            {
                Port = 443,
                Protocol = ApplicationProtocol.HTTPS,
                Certificates = [ListenerCertificate.FromCertificateManager(Certificate)],
                SslPolicy = SslPolicy.RECOMMENDED_TLS,
                Open = openLoadBalancer,
            });
            if (openLoadBalancer)
                LoadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig { SourcePort = 80, TargetPort = 443 });
            new ARecord(this, Ids.AliasRecord, new ARecordProps
            {
                Zone = zone!,
                RecordName = domain,
                Target = RecordTarget.FromAlias(new LoadBalancerTarget(LoadBalancer)),
            });
        }
        else
        {
            appListener = LoadBalancer.AddListener(Ids.HttpListener, new BaseApplicationListenerProps { Port = 80, Protocol = ApplicationProtocol.HTTP, Open = openLoadBalancer });
            Annotations.Of(this).AddWarningV2("djangocdk:no-https", "No ApiDomainName is set: the site is served over plain HTTP on the load balancer's DNS name. Set ApiDomainName and ZoneName for HTTPS.");
        }

        Listener = appListener;

        // The environment contract, shared by every Django container.
        var contract = new DjangoEnvironment(new DjangoEnvironmentInputs(
            settingsModule, debug, string.Join(",", allowedHosts), string.Join(",", csrfOrigins), props.FrontendUrl ?? "", props.AssetsDomainName ?? "",
            props.MediaDomainName ?? "", Https: domain is not null, healthCheckPath,
            Database.DbInstanceEndpointAddress, Database.DbInstanceEndpointPort, databaseName, Database.Secret!,
            cache.Host, cache.AuthToken, StaticFileBucket.BucketName, stack.Region, SecretKey));
        var environment = contract.Variables.Concat(userVariables).ToDictionary(kv => kv.Key, kv => kv.Value);
        var secrets = contract.Secrets
            .ToDictionary(kv => kv.Key, kv => kv.Value.Field is null
                ? EcsSecret.FromSecretsManager(kv.Value.Secret)
                : EcsSecret.FromSecretsManager(kv.Value.Secret, kv.Value.Field));
        foreach (var (name, secret) in userSecrets) secrets[name] = secret;
        var app = new AppContainerSettings(Image, environment, secrets, LogGroup, architecture, TaskRole, ExecutionRole);

        // Web.
        WebTaskDefinition = app.NewTaskDefinition(this, Ids.WebTask, webCpu, webMemory);
        var webContainer = app.AddContainer(WebTaskDefinition, WebContainerName, props.WebCommand, stopTimeoutSeconds: null);
        webContainer.AddPortMappings(new PortMapping { ContainerPort = containerPort, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP });
        WebService = NewService(Ids.Web, WebTaskDefinition, webMin, useExec, spot: false, singleton: false);
        WebService.Connections.AllowFrom(LoadBalancer, Port.Tcp(containerPort), "HTTP from the load balancer");
        WebService.Node.AddDependency(Database);
        WebTargetGroup = new ApplicationTargetGroup(this, Ids.WebTargets, new ApplicationTargetGroupProps
        {
            Vpc = Vpc,
            Port = containerPort,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [WebService.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = WebContainerName, ContainerPort = containerPort })],
            HealthCheck = new HealthCheck
            {
                Path = healthCheckPath,
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
            DeregistrationDelay = Duration.Seconds(Defaults.DeregistrationDelaySeconds),
        });
        if (openLoadBalancer)
            appListener.AddTargetGroups(Ids.WebTargets, new AddApplicationTargetGroupsProps { TargetGroups = [WebTargetGroup] });
        WebScaling = WebService.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = webMin, MaxCapacity = webMax });
        WebScaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = cpuTarget });
        requestsPerTarget = requestsTarget;
        if (openLoadBalancer) AddRequestCountScaling();

        // Celery.
        var workerServices = new List<FargateService>();
        foreach (var worker in workers)
        {
            var taskDefinition = app.NewTaskDefinition(this, TaskId(worker.Name), worker.Cpu, worker.Memory);
            app.AddContainer(taskDefinition, worker.Name, WorkerCommand(celeryApp, worker), worker.StopTimeoutSeconds);
            var service = NewService(ServiceId(worker.Name), taskDefinition, worker.Min, useExec, worker.Spot, singleton: false);
            service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = worker.Min, MaxCapacity = worker.Max })
                .ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = Defaults.WebCpuTargetPercent });
            workerServices.Add(service);
        }

        WorkerServices = workerServices;
        if (useBeat)
        {
            var beatTask = app.NewTaskDefinition(this, Ids.BeatTask, Defaults.BeatCpu, Defaults.BeatMemoryMiB);
            app.AddContainer(beatTask, "beat", ["celery", "-A", celeryApp, "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule"], stopTimeoutSeconds: null);
            BeatService = NewService(Ids.Beat, beatTask, 1, useExec, spot: false, singleton: true);
        }

        // Release phase: before any service rolls.
        if (releaseCommands.Count > 0)
        {
            Release = new ReleasePhase(this, Ids.Release, new ReleasePhaseOptions(
                Cluster, WebTaskDefinition, WebContainerName, releaseCommands, Vpc, Network.AppSubnets, AppSecurityGroup,
                LogGroup, WebContainerName, releaseTimeoutSeconds, ImageAsset.ImageUri, skipRelease));
            foreach (var service in Services) service.Node.AddDependency(Release.Steps[^1]);
        }

        // Deletion protection last: only a deployment in which everything above succeeded turns it on.
        if (protectDatabase)
        {
            var siblings = Node.Children.ToArray();
            DatabaseProtection = new DatabaseProtection(this, Ids.DatabaseProtection, Database);
            DatabaseProtection.Node.AddDependency(siblings);
            NagSuppressions.Add(Database, new NagSuppression("AwsSolutions-RDS10",
                "Deletion protection is turned on by the DatabaseProtection step as the last resource of every successful deployment, not at creation, so that a failed first deployment can roll back and delete the new instance instead of ending in ROLLBACK_FAILED."));
        }
        else
        {
            NagSuppressions.Add(Database, new NagSuppression("AwsSolutions-RDS10",
                "DatabaseDeletionProtection is explicitly false for this app (e.g. a preview environment); deleting the stack still takes a final snapshot (DeletionPolicy Snapshot)."));
        }

        AddOutputs(stack, useExec);
        SuppressRoleFindings(useExec);
        LambdaFunctions.Configure(this);
    }

    /// <summary>The VPC the application runs in.</summary>
    public IVpc Vpc { get; }

    /// <summary>The ECS cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The internet-facing Application Load Balancer.</summary>
    public ApplicationLoadBalancer LoadBalancer { get; }

    /// <summary>The listener that forwards to Django: HTTPS on 443 with a domain, else HTTP on 80.</summary>
    public ApplicationListener Listener { get; }

    /// <summary>The target group of the web service.</summary>
    public ApplicationTargetGroup WebTargetGroup { get; }

    /// <summary>The gunicorn web service.</summary>
    public FargateService WebService { get; }

    /// <summary>The web task definition; release and one-off management tasks run it with another command.</summary>
    public FargateTaskDefinition WebTaskDefinition { get; }

    /// <summary>The Celery worker services, in the order of <see cref="DjangoEcsProps.CeleryWorkers"/>.</summary>
    public IReadOnlyList<FargateService> WorkerServices { get; }

    /// <summary>The Celery beat service, when <see cref="DjangoEcsProps.UseCeleryBeat"/> is true.</summary>
    public FargateService? BeatService { get; }

    /// <summary>Every service: web, workers, then beat.</summary>
    public IEnumerable<FargateService> Services =>
        new[] { WebService }.Concat(WorkerServices).Concat(BeatService is null ? [] : [BeatService]);

    /// <summary>The private bucket for static and media files.</summary>
    public Bucket StaticFileBucket { get; }

    /// <summary>The bucket receiving load balancer and S3 access logs.</summary>
    public Bucket AccessLogsBucket { get; }

    /// <summary>The PostgreSQL database; its generated credentials are in <c>Database.Secret</c>.</summary>
    public DatabaseInstance Database { get; }

    /// <summary>The Redis replication group.</summary>
    public Amazon.CDK.AWS.ElastiCache.CfnReplicationGroup Cache { get; }

    /// <summary>The generated Redis AUTH token.</summary>
    public ISecret CacheAuthToken { get; }

    /// <summary>The generated Django SECRET_KEY.</summary>
    public ISecret SecretKey { get; }

    /// <summary>The security group shared by every application task; data stores admit it.</summary>
    public SecurityGroup AppSecurityGroup { get; }

    /// <summary>The container image shared by every process.</summary>
    public ContainerImage Image { get; }

    /// <summary>The Docker image asset built from <see cref="DjangoEcsProps.ImageDirectory"/>.</summary>
    public DockerImageAsset ImageAsset { get; }

    /// <summary>The log group of every container.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>The role the Django processes run as (bucket access, ECS Exec).</summary>
    public Role TaskRole { get; }

    /// <summary>The role the ECS agent uses to pull the image, read secrets and write logs.</summary>
    public Role ExecutionRole { get; }

    /// <summary>The TLS certificate, when a domain is set.</summary>
    public ICertificate? Certificate { get; }

    /// <summary>The KMS key of ECS Exec sessions, when <see cref="DjangoEcsProps.UseEcsExec"/> is true.</summary>
    public Key? ExecKey { get; }

    /// <summary>The host name Django is served on: <see cref="DjangoEcsProps.ApiDomainName"/>, else the load balancer's DNS name.</summary>
    public string ApiDomainName { get; }

    /// <summary>The site's URL.</summary>
    public string SiteUrl { get; }

    internal ReleasePhase? Release { get; }

    /// <summary>
    /// The step that turns on the database's deletion protection once a deployment has succeeded, when
    /// <see cref="DjangoEcsProps.DatabaseDeletionProtection"/> is true. Resources of your own that a first deployment
    /// must create before the database becomes undeletable can be added with <c>DatabaseProtection.Node.AddDependency</c>.
    /// </summary>
    public Construct? DatabaseProtection { get; }

    /// <summary>The web service's autoscaling (CPU, and requests per target once the target group serves a listener).</summary>
    public ScalableTaskCount WebScaling { get; }

    private readonly double requestsPerTarget;
    private bool scalesOnRequests;

    /// <summary>
    /// Scales the web service on requests per target. Called by the constructor when the load balancer is open; with
    /// <see cref="DjangoEcsProps.OpenLoadBalancer"/> false, call it once <see cref="WebTargetGroup"/> is attached to a
    /// listener rule (ELB only counts requests per target for a target group behind a load balancer).
    /// </summary>
    public void AddRequestCountScaling()
    {
        if (scalesOnRequests) return;
        scalesOnRequests = true;
        WebScaling.ScaleOnRequestCount("Requests", new RequestCountScalingProps { RequestsPerTarget = requestsPerTarget, TargetGroup = WebTargetGroup });
    }

    /// <summary>The release steps in the order they run; empty when the release phase is disabled.</summary>
    public IReadOnlyList<CustomResource> ReleaseSteps => Release?.Steps ?? [];

    private FargateService NewService(string id, TaskDefinition taskDefinition, int desired, bool exec, bool spot, bool singleton)
    {
        var service = new FargateService(this, id, new FargateServiceProps
        {
            Cluster = Cluster,
            TaskDefinition = taskDefinition,
            DesiredCount = desired,
            SecurityGroups = [AppSecurityGroup],
            VpcSubnets = Network.AppSubnets,
            AssignPublicIp = false,
            CircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            // Beat must never run twice: stop the old scheduler before starting the new one.
            MinHealthyPercent = singleton ? 0 : 100,
            MaxHealthyPercent = singleton ? 100 : 200,
            HealthCheckGracePeriod = id == Ids.Web ? Duration.Seconds(Defaults.WebHealthCheckGraceSeconds) : null,
            EnableExecuteCommand = exec,
            PropagateTags = PropagatedTagSource.SERVICE,
            CapacityProviderStrategies = spot
                ? [new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 1 }]
                : null,
        });
        // Tasks start only once the agent may pull the image and read the secrets (the CDK orders the task role only).
        service.Node.AddDependency(ExecutionRole);

        return service;
    }

    /// <summary>
    /// Exactly what django-storages needs on its bucket: list, read, write, delete, multipart uploads. No ACL actions:
    /// the bucket has ACLs disabled, and a public ACL is what broke media uploads in django-cdk.
    /// </summary>
    private static void GrantStorage(IBucket bucket, IRole role)
    {
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:ListBucket", "s3:GetBucketLocation"],
            Resources = [bucket.BucketArn],
        }));
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            Resources = [bucket.ArnForObjects("*")],
        }));
    }

    private void SuppressRoleFindings(bool exec)
    {
        var task = new List<string> { $"Resource::<{NagSuppressions.LogicalId(StaticFileBucket)}.Arn>/*" };
        if (exec) task.AddRange(["Resource::*", $"/^Resource::arn:{NagSuppressions.Partition}:logs:[^:]+:{NagSuppressions.Account}:log-group:<[A-Za-z0-9]+>:\\*$/"]);
        NagSuppressions.AddToTree(TaskRole, new NagSuppression("AwsSolutions-IAM5",
            "Django stores uploads and hashed static files under keys it chooses, so it needs object access to every key of its own bucket (and nothing else); ECS Exec's ssmmessages actions only accept Resource '*', and its session log streams are created on demand in its own log group.",
            task.ToArray()));
        NagSuppressions.AddToTree(ExecutionRole, new NagSuppression("AwsSolutions-IAM5",
            "ecr:GetAuthorizationToken only accepts Resource '*'; image pulls themselves are limited to the image's repository.",
            "Resource::*"));
    }

    private void AddOutputs(Stack stack, bool exec)
    {
        var region = stack.Region;
        _ = new CfnOutput(this, "SiteUrl", new CfnOutputProps { Value = SiteUrl, Description = "The Django site" });
        _ = new CfnOutput(this, "StaticFileBucketName", new CfnOutputProps { Value = StaticFileBucket.BucketName, Description = "Bucket of static and media files" });
        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Cluster.ClusterName, Description = "ECS cluster" });
        _ = new CfnOutput(this, "WebServiceName", new CfnOutputProps { Value = WebService.ServiceName, Description = "Web service" });
        var subnets = Fn.Join(",", Vpc.SelectSubnets(Network.AppSubnets).SubnetIds);
        _ = new CfnOutput(this, "RunManagementCommand", new CfnOutputProps
        {
            Description = "Runs a management command once: replace \"COMMAND\" with its words, each quoted, e.g. \"migrate\",\"--plan\"",
            Value = $"aws ecs run-task --region {region} --cluster {Cluster.ClusterName} --task-definition {WebTaskDefinition.Family} --launch-type FARGATE " +
                    $"--network-configuration \"awsvpcConfiguration={{subnets=[{subnets}],securityGroups=[{AppSecurityGroup.SecurityGroupId}],assignPublicIp=DISABLED}}\" " +
                    $"--overrides '{{\"containerOverrides\":[{{\"name\":\"{WebContainerName}\",\"command\":[\"python\",\"manage.py\",\"COMMAND\"]}}]}}'",
        });
        if (exec)
        {
            _ = new CfnOutput(this, "ExecCommand", new CfnOutputProps
            {
                Description = "Opens a shell in a running web task",
                Value = $"aws ecs execute-command --region {region} --cluster {Cluster.ClusterName} " +
                        $"--task $(aws ecs list-tasks --region {region} --cluster {Cluster.ClusterName} --service-name {WebService.ServiceName} --query 'taskArns[0]' --output text) " +
                        $"--container {WebContainerName} --interactive --command /bin/sh",
            });
        }
    }

    private void ValidateImage(string? imageDirectory, string? given, string dockerfile)
    {
        if (imageDirectory is null)
            throw Errors.Missing(this, nameof(DjangoEcsProps.ImageDirectory), "Pass the Docker build context of your Django project, e.g. \"./backend\".");
        if (!Directory.Exists(imageDirectory))
            throw Errors.NotFound(this, nameof(DjangoEcsProps.ImageDirectory), given!, $"the directory {imageDirectory}");
        if (!File.Exists(Path.Combine(imageDirectory, dockerfile)))
            throw Errors.NotFound(this, nameof(DjangoEcsProps.Dockerfile), dockerfile, $"the file {Path.Combine(imageDirectory, dockerfile)} (Dockerfile is relative to ImageDirectory)");
    }

    private void ValidateNetwork(DjangoEcsProps props)
    {
        if (props.Vpc is not null)
        {
            var owned = new (string Prop, object? Value)[]
            {
                (nameof(DjangoEcsProps.NatStrategy), props.NatStrategy?.ToString()),
                (nameof(DjangoEcsProps.NatInstanceImage), props.NatInstanceImage is null ? null : "an image"),
                (nameof(DjangoEcsProps.AvailabilityZones), props.AvailabilityZones),
            };
            foreach (var (prop, value) in owned.Where(o => o.Value is not null))
                throw Errors.Conflict(this, prop, value, $"a Vpc is also given, and {prop} only shapes a VPC the construct creates. Remove {prop}, or remove Vpc.");
            return;
        }

        var nat = props.NatStrategy ?? DjangoCdk.NatStrategy.SingleGateway;
        var stack = Stack.Of(this);
        if (props.NatInstanceImage is not null && nat != DjangoCdk.NatStrategy.Instance)
            throw Errors.Conflict(this, nameof(DjangoEcsProps.NatInstanceImage), "an image", $"NatStrategy is {nat}, which runs no NAT instance. Set NatStrategy = NatStrategy.Instance, or remove NatInstanceImage.");
        if (nat == DjangoCdk.NatStrategy.Instance && props.NatInstanceImage is null && (Token.IsUnresolved(stack.Account) || Token.IsUnresolved(stack.Region)))
            throw Errors.Missing(this, nameof(DjangoEcsProps.NatInstanceImage),
                "NatStrategy.Instance pins the NAT instance's image by looking up the newest Amazon Linux 2023 once and caching it in cdk.context.json, which needs the stack's account and region, and this stack is environment-agnostic. " +
                "Give the stack an Env (Account and Region, e.g. from CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION), or set NatInstanceImage to an image of your choice (e.g. MachineImage.GenericLinux with a pinned AMI per region).");

        if (props.AvailabilityZones is not { } zones) return;
        const string zonesProp = nameof(DjangoEcsProps.AvailabilityZones);
        if (zones.Length < 2)
            throw Errors.Invalid(this, zonesProp, zones, "Give at least two zones: the load balancer and the database subnet group need two.");
        if (zones.Distinct(StringComparer.Ordinal).Count() != zones.Length)
            throw Errors.Conflict(this, zonesProp, zones, "a zone is listed twice; list each zone once.");
        foreach (var zone in zones)
        {
            if (!ZoneNamePattern.IsMatch(zone))
                throw Errors.Invalid(this, zonesProp, zone, "Give zone names such as 'us-east-1b' (aws ec2 describe-availability-zones), not zone IDs such as 'use1-az3'.");
            if (!Token.IsUnresolved(stack.Region) && !zone.StartsWith(stack.Region, StringComparison.Ordinal))
                throw Errors.Invalid(this, zonesProp, zone, $"The stack is in {stack.Region}; its zones are named '{stack.Region}a', '{stack.Region}b', ...");
        }
    }

    private void ValidateAlternativeNames(string[] names, DjangoEcsProps props)
    {
        if (names.Length == 0) return;
        const string prop = nameof(DjangoEcsProps.CertificateAlternativeNames);
        if (props.ApiDomainName is null)
            throw Errors.Conflict(this, prop, names, $"{nameof(DjangoEcsProps.ApiDomainName)} is not set, so no certificate is created for them to join.");
        if (props.CertificateArn is not null)
            throw Errors.Conflict(this, prop, names, $"{nameof(DjangoEcsProps.CertificateArn)} is set, so the construct creates no certificate; add the names to that certificate instead.");
        foreach (var name in names)
        {
            if (!DomainSettings.IsInZone(name, props.ZoneName!))
                throw Errors.Invalid(this, prop, name, $"Each name must be '{props.ZoneName}' or a subdomain of it, because the certificate is validated through DNS records in that zone.");
        }
    }

    private void ValidateCommand(string prop, string[]? command)
    {
        if (command is null) return;
        if (command.Length == 0 || command.Any(string.IsNullOrWhiteSpace))
            throw Errors.Invalid(this, prop, command, "A command is a non-empty list of non-empty arguments, e.g. [\"python\", \"manage.py\", \"migrate\"].");
    }

    private void ValidateCounts(string minProp, int min, string maxProp, int max)
    {
        RequireRange(minProp, min, 1, 1000);
        RequireRange(maxProp, max, 1, 1000);
        if (min > max)
            throw Errors.Conflict(this, minProp, min, $"{maxProp} is {max}; the minimum cannot be above the maximum.");
    }

    private void RequireRange(string prop, double value, double min, double max)
    {
        if (value < min || value > max)
            throw Errors.OutOfRange(this, prop, value.ToString(CultureInfo.InvariantCulture), $"Allowed: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    private void ValidateWorkers(List<ResolvedWorker> workers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            var w = workers[i];
            var prefix = $"{nameof(DjangoEcsProps.CeleryWorkers)}[{i}].";
            if (!WorkerNamePattern.IsMatch(w.Name) || w.Name == "web" || w.Name == "beat")
                throw Errors.Invalid(this, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "Worker names start with a lowercase letter and hold up to 31 lowercase letters, digits and hyphens; 'web' and 'beat' are taken.");
            if (!seen.Add(w.Name))
                throw Errors.Conflict(this, prefix + nameof(CeleryWorkerOptions.Name), w.Name, "another worker has the same name; names must be unique.");
            if (w.Queues.Length == 0 || w.Queues.Any(q => string.IsNullOrWhiteSpace(q) || q.Contains(',')))
                throw Errors.Invalid(this, prefix + nameof(CeleryWorkerOptions.Queues), w.Queues, "Give at least one queue name; names cannot be empty or contain commas.");
            if (w.Concurrency is { } c) RequireRange(prefix + nameof(CeleryWorkerOptions.Concurrency), c, 1, 256);
            FargateSizes.Validate(this, prefix + nameof(CeleryWorkerOptions.Cpu), w.Cpu, prefix + nameof(CeleryWorkerOptions.MemoryMiB), w.Memory);
            ValidateCounts(prefix + nameof(CeleryWorkerOptions.MinCount), w.Min, prefix + nameof(CeleryWorkerOptions.MaxCount), w.Max);
            RequireRange(prefix + nameof(CeleryWorkerOptions.StopTimeoutSeconds), w.StopTimeoutSeconds, 2, 120);
        }
    }

    private static string[] WorkerCommand(string celeryApp, ResolvedWorker worker)
    {
        var command = new List<string> { "celery", "-A", celeryApp, "worker", "--loglevel", "INFO", "-Q", string.Join(",", worker.Queues), "-n", worker.Name + "@%h" };
        if (worker.Concurrency is { } c) command.AddRange(["--concurrency", c.ToString(CultureInfo.InvariantCulture)]);
        return command.ToArray();
    }

    private static string ServiceId(string workerName) =>
        workerName == Defaults.WorkerName ? "Worker" : "Worker" + Pascal(workerName);

    private static string TaskId(string workerName) => ServiceId(workerName) + "Task";

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static ResolvedWorker ResolveWorker(CeleryWorkerOptions w) => new(
        w.Name ?? Defaults.WorkerName,
        w.Queues ?? [Defaults.WorkerQueue],
        w.Concurrency,
        w.Cpu ?? Defaults.WorkerCpu,
        w.MemoryMiB ?? Defaults.WorkerMemoryMiB,
        w.MinCount ?? Defaults.WorkerMinCapacity,
        w.MaxCount ?? Defaults.WorkerMaxCapacity,
        w.UseSpot ?? false,
        w.StopTimeoutSeconds ?? Defaults.WorkerStopTimeoutSeconds);

    private sealed record ResolvedWorker(string Name, string[] Queues, int? Concurrency, int Cpu, int Memory, int Min, int Max, bool Spot, int StopTimeoutSeconds);
}
