using System.Globalization;
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
        public const string QueueDepth = "QueueDepth";
        public const string Monitoring = "Monitoring";
    }

    /// <summary>Creates the application.</summary>
    public DjangoEcs(Construct scope, string id, DjangoEcsProps props) : this(scope, id, props, default, composed: false)
    {
    }

    /// <summary>
    /// Creates the application in a stack where the composing construct adds <paramref name="alongside"/> (DjangoVue's
    /// site); a <paramref name="composed"/> app leaves the dashboard's alarm-status row to the composing construct.
    /// </summary>
    internal DjangoEcs(Construct scope, string id, DjangoEcsProps props, StackSize alongside, bool composed) : base(scope, id)
    {
        var settings = DjangoEcsSettings.Resolve(props, ConstructSite.Of(this), alongside);
        AddWarnings(settings);

        Vpc = settings.App.Vpc ?? Network.CreateVpc(this, Ids.Vpc, settings.App.NewVpc);
        AccessLogsBucket = Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        StaticFileBucket = Buckets.CreateAssetsBucket(this, Ids.StaticFiles, settings.App.BucketName, AccessLogsBucket);
        AppSecurityGroup = CreateAppSecurityGroup();
        var stores = DataStores.Create(this, Vpc, settings.App.Database, settings.App.CacheNodeType, AppSecurityGroup);
        (Database, var cache, SecretKey) = stores;
        Cache = cache.ReplicationGroup;
        CacheAuthToken = cache.AuthToken;
        (ExecKey, Cluster) = CreateCluster(settings.UseEcsExec);
        (ImageAsset, Image) = CreateImage(settings);
        (LogGroup, TaskRole, ExecutionRole) = CreateRoles();
        (LoadBalancer, Certificate, Listener) = CreateLoadBalancer(settings, id);
        ApiDomainName = settings.Domain?.Name ?? LoadBalancer.LoadBalancerDnsName;
        SiteUrl = (settings.Domain is null ? "http://" : "https://") + ApiDomainName;
        var contract = CreateEnvironment(settings, cache);
        ComposedValueSecrets = ComposedSecrets.Create(this, settings.App.Environment.Aliases.Values, contract);
        var containers = CreateContainerSettings(settings, contract.WithAliases(settings.App.Environment.Aliases, ComposedValueSecrets));
        (WebTaskDefinition, WebService, WebTargetGroup, WebScaling) = CreateWebService(settings, containers);
        requestsPerTarget = settings.Web.RequestsPerTarget;
        if (settings.OpenLoadBalancer) AddRequestCountScaling();
        var workers = CreateWorkers(settings, containers);
        (WorkerServices, WorkerScaling) = (workers.Select(w => w.Worker.Service).ToList(), workers.Select(w => w.Scaling).ToList());
        BeatService = settings.App.UseCeleryBeat ? CreateBeat(settings, containers) : null;
        Release = CreateReleasePhase(settings.App.Release);
        QueueDepthPublisher = CreateQueueDepthPublisher(cache, workers);
        Monitoring = CreateMonitoring(settings, cache, workers, composed);
        DatabaseProtection = stores.Protect(this, Ids.DatabaseProtection, settings.App.Database.DeletionProtection);
        CreateOutputs(settings.UseEcsExec);
        SuppressRoleFindings(settings.UseEcsExec);
        LambdaFunctions.Configure(this);
    }

    private void AddWarnings(DjangoEcsSettings settings)
    {
        if (settings.App.Environment.Debug)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.Debug, "Debug is true: Django runs with DEBUG=1 and shows settings and source code in error pages. Never use it in production.");
        if (settings.Domain is null)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.NoHttps, "No ApiDomainName is set: the site is served over plain HTTP on the load balancer's DNS name. Set ApiDomainName and ZoneName for HTTPS.");
    }

    private SecurityGroup CreateAppSecurityGroup() => new(this, Ids.AppSecurityGroup, new SecurityGroupProps
    {
        Vpc = Vpc,
        Description = "Django application tasks (web, workers, beat, release)",
        AllowAllOutbound = true,
    });

    /// <summary>The cluster (Container Insights, Fargate and Fargate Spot), with an encrypted ECS Exec setup when asked for.</summary>
    private (Key? ExecKey, Cluster Cluster) CreateCluster(bool useExec)
    {
        var stack = Stack.Of(this);
        Key? execKey = null;
        LogGroup? execLogs = null;
        if (useExec)
        {
            execKey = new Key(this, Ids.ExecKey, new KeyProps { EnableKeyRotation = true, Description = "Encrypts ECS Exec sessions and their logs" });
            // CloudWatch Logs encrypts the session log group with the key: the key policy AWS documents for it
            // (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"), limited to this
            // account's log groups in this region.
            execKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
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
            execLogs = new LogGroup(this, Ids.ExecLogs, new LogGroupProps { EncryptionKey = execKey, Retention = RetentionDays.ONE_YEAR });
        }

        var cluster = new Cluster(this, Ids.Cluster, new ClusterProps
        {
            Vpc = Vpc,
            ContainerInsights = true,
            EnableFargateCapacityProviders = true,
            ExecuteCommandConfiguration = execKey is null ? null : new ExecuteCommandConfiguration
            {
                KmsKey = execKey,
                Logging = ExecuteCommandLogging.OVERRIDE,
                LogConfiguration = new ExecuteCommandLogConfiguration { CloudWatchLogGroup = execLogs, CloudWatchEncryptionEnabled = true },
            },
        });
        return (execKey, cluster);
    }

    /// <summary>One image for every process, built from ImageDirectory at deploy time for the chosen architecture.</summary>
    private (DockerImageAsset Asset, ContainerImage Image) CreateImage(DjangoEcsSettings settings)
    {
        var asset = new DockerImageAsset(this, Ids.Image, new DockerImageAssetProps
        {
            Directory = settings.App.ImageDirectory,
            File = settings.App.Dockerfile,
            Target = settings.App.DockerTarget,
            Exclude = ImageExclusions.For(this, settings.App.ImageDirectory),
            Platform = IsX86(settings) ? Platform_.LINUX_AMD64 : Platform_.LINUX_ARM64,
        });
        CapacityProviderDependency.Apply(Cluster, () => Services);
        return (asset, ContainerImage.FromDockerImageAsset(asset));
    }

    private static bool IsX86(DjangoEcsSettings settings) => settings.CpuArchitecture == Amazon.CDK.AWS.ECS.CpuArchitecture.X86_64;

    /// <summary>The log group of every container, the task role (the bucket only) and the execution role.</summary>
    private (LogGroup Logs, Role TaskRole, Role ExecutionRole) CreateRoles()
    {
        var logs = new LogGroup(this, Ids.Logs, new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        var taskRole = new Role(this, Ids.TaskRole, new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Django application tasks: the static and media bucket",
        });
        Buckets.GrantStorage(StaticFileBucket, taskRole);
        var executionRole = new Role(this, Ids.ExecutionRole, new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "ECS agent: pulls the Django image, reads its secrets, writes its logs",
        });
        return (logs, taskRole, executionRole);
    }

    /// <summary>The internet-facing load balancer and the listener Django sits behind: HTTPS with a domain (HTTP redirected), else HTTP.</summary>
    private (ApplicationLoadBalancer LoadBalancer, ICertificate? Certificate, ApplicationListener Listener) CreateLoadBalancer(DjangoEcsSettings settings, string id)
    {
        var open = settings.OpenLoadBalancer;
        var loadBalancer = new ApplicationLoadBalancer(this, Ids.LoadBalancer, new ApplicationLoadBalancerProps
        {
            Vpc = Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            DropInvalidHeaderFields = true,
        });
        loadBalancer.LogAccessLogs(AccessLogsBucket, "alb/" + id);
        if (open)
        {
            NagSuppressions.Add(loadBalancer.Connections.SecurityGroups[0], new NagSuppression("AwsSolutions-EC23",
                "This is the public entry point of the web site: it must accept HTTP and HTTPS from any address. Only ports 80 (redirect or app) and 443 are open."));
        }

        if (settings.Domain is not { } domain)
        {
            var http = loadBalancer.AddListener(Ids.HttpListener, new BaseApplicationListenerProps { Port = 80, Protocol = ApplicationProtocol.HTTP, Open = open });
            return (loadBalancer, null, http);
        }

        var zone = DomainSettings.HostedZone(this, Ids.HostedZone, domain.ZoneName, domain.HostedZoneId);
        var certificate = domain.CertificateArn is not null
            ? Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, Ids.Certificate, domain.CertificateArn)
            : new Certificate(this, Ids.Certificate, new CertificateProps
            {
                DomainName = domain.Name,
                SubjectAlternativeNames = domain.AlternativeNames.Length > 0 ? domain.AlternativeNames : null,
                Validation = CertificateValidation.FromDns(zone),
            });
        var https = loadBalancer.AddListener(Ids.HttpsListener, new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromCertificateManager(certificate)],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Open = open,
        });
        if (open)
            loadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig { SourcePort = 80, TargetPort = 443 });
        _ = new ARecord(this, Ids.AliasRecord, new ARecordProps
        {
            Zone = zone,
            RecordName = domain.Name,
            Target = RecordTarget.FromAlias(new LoadBalancerTarget(loadBalancer)),
        });
        return (loadBalancer, certificate, https);
    }

    /// <summary>The environment contract: the site's names, the data stores' addresses and the secrets' references.</summary>
    private DjangoEnvironment CreateEnvironment(DjangoEcsSettings settings, RedisCache cache)
    {
        var env = settings.App.Environment;
        var https = settings.Domain is not null;
        var allowedHosts = new[] { ApiDomainName }.Concat(env.ExtraAllowedHosts);
        var csrfOrigins = (https ? new[] { SiteUrl } : []).Concat(env.ExtraCsrfTrustedOrigins);
        return new DjangoEnvironment(new DjangoEnvironmentInputs(
            env.SettingsModule, env.Debug, string.Join(",", allowedHosts), string.Join(",", csrfOrigins), env.FrontendUrl, env.AssetsDomain,
            env.MediaDomain, https, env.HealthCheckPath,
            Database.DbInstanceEndpointAddress, Database.DbInstanceEndpointPort, settings.App.Database.Name, Database.Secret!,
            cache.Host, cache.AuthToken, StaticFileBucket.BucketName, Stack.Of(this).Region, SecretKey));
    }

    /// <summary>The environment contract (with its aliases), the user's variables and secrets, the image, logs and roles every container shares.</summary>
    private AppContainerSettings CreateContainerSettings(DjangoEcsSettings settings, DjangoEnvironment contract)
    {
        var env = settings.App.Environment;
        var environment = contract.Variables.Concat(env.Variables).ToDictionary(kv => kv.Key, kv => kv.Value);
        var secrets = contract.Secrets
            .ToDictionary(kv => kv.Key, kv => kv.Value.Field is null
                ? EcsSecret.FromSecretsManager(kv.Value.Secret)
                : EcsSecret.FromSecretsManager(kv.Value.Secret, kv.Value.Field));
        foreach (var (name, secret) in settings.Secrets) secrets[name] = secret;
        var architecture = settings.CpuArchitecture ?? Amazon.CDK.AWS.ECS.CpuArchitecture.ARM64;
        return new AppContainerSettings(Image, environment, secrets, LogGroup, architecture, TaskRole, ExecutionRole);
    }

    /// <summary>gunicorn behind the load balancer: health check, deregistration delay, CPU autoscaling.</summary>
    private (FargateTaskDefinition Task, FargateService Service, ApplicationTargetGroup Targets, ScalableTaskCount Scaling) CreateWebService(
        DjangoEcsSettings settings, AppContainerSettings containers)
    {
        var web = settings.Web;
        var port = settings.App.ContainerPort;
        var task = containers.NewTaskDefinition(this, Ids.WebTask, web.Cpu, web.MemoryMiB);
        var container = containers.AddContainer(task, WebContainerName, web.Command, stopTimeoutSeconds: null);
        container.AddPortMappings(new PortMapping { ContainerPort = port, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP });
        var service = NewService(Ids.Web, task, web.MinCount, settings.UseEcsExec, spot: false, singleton: false);
        service.Connections.AllowFrom(LoadBalancer, Port.Tcp(port), "HTTP from the load balancer");
        service.Node.AddDependency(Database);
        var targets = new ApplicationTargetGroup(this, Ids.WebTargets, new ApplicationTargetGroupProps
        {
            Vpc = Vpc,
            Port = port,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = WebContainerName, ContainerPort = port })],
            HealthCheck = new HealthCheck
            {
                Path = settings.App.Environment.HealthCheckPath,
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
            DeregistrationDelay = Duration.Seconds(Defaults.DeregistrationDelaySeconds),
        });
        if (settings.OpenLoadBalancer)
            Listener.AddTargetGroups(Ids.WebTargets, new AddApplicationTargetGroupsProps { TargetGroups = [targets] });
        var scaling = service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = web.MinCount, MaxCapacity = web.MaxCount });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = web.CpuTargetPercent });
        return (task, service, targets, scaling);
    }

    /// <summary>
    /// One Celery worker service per <see cref="DjangoEcsProps.CeleryWorkers"/> entry, scaling on CPU and, unless the
    /// worker opts out, on its queues' backlog per task (with a step from zero for a worker that scales to zero).
    /// </summary>
    private List<(EcsWorker Worker, ScalableTaskCount Scaling)> CreateWorkers(DjangoEcsSettings settings, AppContainerSettings containers)
    {
        var workers = new List<(EcsWorker, ScalableTaskCount)>();
        foreach (var worker in settings.App.Workers)
        {
            var task = containers.NewTaskDefinition(this, worker.TaskId, worker.Cpu, worker.MemoryMiB);
            containers.AddContainer(task, worker.Name, worker.Command(settings.App.CeleryApp), worker.StopTimeoutSeconds);
            var service = NewService(worker.ServiceId, task, worker.MinCount, settings.UseEcsExec, worker.UseSpot, singleton: false);
            var scaling = service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = worker.MinCount, MaxCapacity = worker.MaxCount });
            scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = Defaults.WebCpuTargetPercent });
            if (worker.QueueScaling is { } queueScaling) QueueDepthScaling.Apply(this, worker, Cluster, service, scaling, queueScaling);
            workers.Add((new EcsWorker(worker, service), scaling));
        }

        return workers;
    }

    /// <summary>Celery beat, a strict singleton.</summary>
    private FargateService CreateBeat(DjangoEcsSettings settings, AppContainerSettings containers)
    {
        var task = containers.NewTaskDefinition(this, Ids.BeatTask, Defaults.BeatCpu, Defaults.BeatMemoryMiB);
        containers.AddContainer(task, "beat", ["celery", "-A", settings.App.CeleryApp, "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule"], stopTimeoutSeconds: null);
        return NewService(Ids.Beat, task, 1, settings.UseEcsExec, spot: false, singleton: true);
    }

    /// <summary>The function that publishes the queues' depth, when a worker scales on it.</summary>
    private QueueDepthPublisher? CreateQueueDepthPublisher(RedisCache cache, List<(EcsWorker Worker, ScalableTaskCount Scaling)> workers)
    {
        var published = workers.Where(w => w.Worker.Settings.QueueScaling is not null).Select(w => w.Worker).ToList();
        return published.Count == 0 ? null : new QueueDepthPublisher(this, Ids.QueueDepth, Vpc, Cluster, cache, published);
    }

    /// <summary>The alarms, their topic and the dashboard (see <see cref="EcsMonitoring"/>), unless turned off.</summary>
    private AppMonitoring? CreateMonitoring(DjangoEcsSettings settings, RedisCache cache, List<(EcsWorker Worker, ScalableTaskCount Scaling)> workers, bool composed) =>
        settings.App.Monitoring is { } monitoring
            ? EcsMonitoring.Create(this, Ids.Monitoring, monitoring, new EcsMonitored(this, workers.Select(w => w.Worker).ToList(),
                Release?.Functions ?? [], cache.ReplicationGroup, QueueDepthPublisher?.Function), statusRowLater: composed)
            : null;

    /// <summary>The release commands, run with the new task definition before any service rolls.</summary>
    private ReleasePhase? CreateReleasePhase(ReleaseSettings release)
    {
        if (release.Commands.Count == 0) return null;
        var phase = new ReleasePhase(this, Ids.Release, new ReleasePhaseOptions(
            Cluster, WebTaskDefinition, WebContainerName, release.Commands, Vpc, Network.AppSubnets, AppSecurityGroup,
            LogGroup, WebContainerName, release.TimeoutSeconds, ImageAsset.ImageUri, release.Skip));
        foreach (var service in Services) service.Node.AddDependency(phase.Steps[^1]);
        return phase;
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

    /// <summary>The autoscaling of each worker service, in the same order (CPU, and the queues' backlog per task).</summary>
    public IReadOnlyList<ScalableTaskCount> WorkerScaling { get; }

    /// <summary>The alarms, their SNS topic and the dashboard; null when <see cref="DjangoEcsProps.Monitoring"/> turns them off.</summary>
    public AppMonitoring? Monitoring { get; }

    /// <summary>The function that publishes each Celery queue's depth every minute; null when no worker scales on its queues.</summary>
    public Amazon.CDK.AWS.Lambda.Function? QueueDepthFunction => QueueDepthPublisher?.Function;

    internal QueueDepthPublisher? QueueDepthPublisher { get; }

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

    /// <summary>
    /// The secrets of the composed values that <see cref="DjangoEcsProps.EnvironmentAliases"/> names
    /// (<see cref="ComposedValues.DatabaseUrl"/>, <see cref="ComposedValues.RedisUrl"/>), by that name; empty when none.
    /// </summary>
    public IReadOnlyDictionary<string, ISecret> ComposedValueSecrets { get; }

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

    private void CreateOutputs(bool exec)
    {
        var region = Stack.Of(this).Region;
        StackOutputs.Add(this, "SiteUrl", SiteUrl, "The Django site");
        StackOutputs.Add(this, "StaticFileBucketName", StaticFileBucket.BucketName, "Bucket of static and media files");
        StackOutputs.Add(this, "ClusterName", Cluster.ClusterName, "ECS cluster");
        StackOutputs.Add(this, "WebServiceName", WebService.ServiceName, "Web service");
        if (Monitoring is { } monitoring)
        {
            StackOutputs.Add(this, "AlarmTopicArn", monitoring.AlarmTopic.TopicArn, "SNS topic of the alarms: subscribe email, Chatbot or PagerDuty to it");
            if (monitoring.Dashboard is { } dashboard)
                StackOutputs.Add(this, "DashboardUrl", $"https://console.aws.amazon.com/cloudwatch/home?region={region}#dashboards/dashboard/{dashboard.DashboardName}", "CloudWatch dashboard of the app");
        }
        var subnets = Fn.Join(",", Vpc.SelectSubnets(Network.AppSubnets).SubnetIds);
        StackOutputs.Add(this, "RunManagementCommand",
            $"aws ecs run-task --region {region} --cluster {Cluster.ClusterName} --task-definition {WebTaskDefinition.Family} --launch-type FARGATE " +
            $"--network-configuration \"awsvpcConfiguration={{subnets=[{subnets}],securityGroups=[{AppSecurityGroup.SecurityGroupId}],assignPublicIp=DISABLED}}\" " +
            $"--overrides '{{\"containerOverrides\":[{{\"name\":\"{WebContainerName}\",\"command\":[\"python\",\"manage.py\",\"COMMAND\"]}}]}}'",
            "Runs a management command once: replace \"COMMAND\" with its words, each quoted, e.g. \"migrate\",\"--plan\"");
        if (exec)
        {
            StackOutputs.Add(this, "ExecCommand",
                $"aws ecs execute-command --region {region} --cluster {Cluster.ClusterName} " +
                $"--task $(aws ecs list-tasks --region {region} --cluster {Cluster.ClusterName} --service-name {WebService.ServiceName} --query 'taskArns[0]' --output text) " +
                $"--container {WebContainerName} --interactive --command /bin/sh",
                "Opens a shell in a running web task (needs the Session Manager plugin)");
        }
    }
}
