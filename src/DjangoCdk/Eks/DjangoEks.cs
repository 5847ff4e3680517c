using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>
/// A Django application on Amazon EKS: a cluster with a managed Graviton node group, the AWS Load Balancer
/// Controller, external-dns and External Secrets Operator; gunicorn behind an HTTPS ALB Ingress, Celery workers and
/// beat as Deployments built to the production checklist; a release phase that runs migrations and collectstatic as
/// Jobs with the new image before any Deployment changes; and the same PostgreSQL, Redis, bucket, secrets and
/// environment contract as <see cref="DjangoEcs"/>, so one image runs unchanged on both.
/// </summary>
public sealed class DjangoEks : Construct
{
    /// <summary>The namespace of the application's Kubernetes objects.</summary>
    public const string AppNamespace = Defaults.EksNamespace;

    /// <summary>The service account the Django pods and release Jobs run as; its IAM role reaches the bucket only.</summary>
    public const string AppServiceAccountName = "django";

    /// <summary>The service account External Secrets Operator reads the app's secrets as; its IAM role reads them only.</summary>
    public const string SecretsReaderServiceAccountName = "django-secrets-reader";

    /// <summary>The Kubernetes Secret that holds the app's secret variables, kept in sync from Secrets Manager.</summary>
    public const string AppSecretName = "django-secrets";

    /// <summary>Construct IDs: renaming one replaces the cloud resource (or deletes and re-creates a Kubernetes object), so they are stable API.</summary>
    internal static class Ids
    {
        public const string Vpc = "Vpc";
        public const string LogsBucket = "AccessLogs";
        public const string StaticFiles = "StaticFiles";
        public const string SecretsKey = "SecretsKey";
        public const string Cluster = "Cluster";
        public const string Nodes = "Nodes";
        public const string ControlPlaneLogs = "ControlPlaneLogs";
        public const string AdminAccess = "AdminAccess";
        public const string MetricsServer = "MetricsServer";
        public const string Image = "Image";
        public const string Namespace = "Namespace";
        public const string AppServiceAccount = "AppServiceAccount";
        public const string SecretsReader = "SecretsReader";
        public const string ExternalSecretsOperator = "ExternalSecretsOperator";
        public const string ExternalDnsServiceAccount = "ExternalDnsServiceAccount";
        public const string ExternalDns = "ExternalDns";
        public const string AppSecrets = "AppSecrets";
        public const string HostedZone = "HostedZone";
        public const string Certificate = "Certificate";
        public const string Web = "Web";
        public const string Ingress = "Ingress";
        public const string Beat = "Beat";
        public const string Release = "Release";
        public const string Monitoring = "Monitoring";
        public const string DatabaseProtection = "DatabaseProtection";
    }

    /// <summary>Creates the application.</summary>
    public DjangoEks(Construct scope, string id, DjangoEksProps props) : base(scope, id)
    {
        var settings = DjangoEksSettings.Resolve(props, ConstructSite.Of(this), DateOnly.FromDateTime(DateTime.UtcNow));
        AddWarnings(settings);

        Vpc = settings.App.Vpc ?? Network.CreateVpc(this, Ids.Vpc, settings.App.NewVpc);
        AccessLogsBucket = Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        StaticFileBucket = Buckets.CreateAssetsBucket(this, Ids.StaticFiles, settings.App.BucketName, AccessLogsBucket);
        AllowLoadBalancerLogs("alb/" + id);
        (SecretsKey, Cluster) = CreateCluster(settings);
        Nodes = CreateNodes(settings.Nodes, settings.KubernetesVersion);
        KeepControlPlaneLogs();
        GrantAdmins(settings.AdminRoleArns);
        var stores = DataStores.Create(this, Vpc, settings.App.Database, settings.App.CacheNodeType, Cluster.ClusterSecurityGroup);
        (Database, var cache, SecretKey) = stores;
        Cache = cache.ReplicationGroup;
        CacheAuthToken = cache.AuthToken;
        ImageAsset = CreateImage(settings);
        (NamespaceManifest, AppServiceAccount, var secretsReader) = CreateNamespace();
        var addons = InstallAddons(settings.Domain);
        Certificate = CreateCertificate(settings.Domain, addons.Zone);
        SiteUrl = "https://" + settings.Domain.Name;
        (var pod, var contract, ComposedValueSecrets) = CreatePodSettings(settings, cache);
        SecretsManifest = SyncSecrets(settings, pod, contract, secretsReader, addons.SecretsOperator);
        Release = CreateReleasePhase(settings, pod);
        Workloads = CreateWorkloads(settings, pod, id, addons.ExternalDns);
        Monitoring = CreateMonitoring(settings.App.Monitoring);
        DatabaseProtection = stores.Protect(this, Ids.DatabaseProtection, settings.App.Database.DeletionProtection);
        CreateOutputs(settings);
        LambdaFunctions.Configure(this);
        EksFindings.Suppress(this);
    }

    private void AddWarnings(DjangoEksSettings settings)
    {
        if (settings.AdminRoleArns.Length == 0)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.EksNoAdmin, "AdminRoleArns is empty: only the CDK's own handler roles can use the Kubernetes API, so nobody can run kubectl on the cluster until an access entry is added by hand. Add your administrators' role ARN to AdminRoleArns (docs/eks.md, \"Admin access\").");
        if (settings.App.Environment.Debug)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.Debug, "Debug is true: Django runs with DEBUG=1 and shows settings and source code in error pages. Never use it in production.");
    }

    /// <summary>
    /// Lets Elastic Load Balancing write the Ingress's access logs under <paramref name="prefix"/> (the controller,
    /// not the CDK, turns them on, so nothing else grants it): the region's ELB account where it has one, else the
    /// log-delivery service, as the CDK's <c>logAccessLogs</c> does for DjangoEcs.
    /// </summary>
    private void AllowLoadBalancerLogs(string prefix)
    {
        var stack = Stack.Of(this);
        var elbAccount = Amazon.CDK.RegionInfo.RegionInfo.Get(stack.Region).Elbv2Account;
        IPrincipal principal = elbAccount is null
            ? new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com")
            : new AccountPrincipal(elbAccount);
        AccessLogsBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:PutObject"],
            Principals = [principal],
            Resources = [AccessLogsBucket.ArnForObjects($"{prefix}/AWSLogs/{stack.Account}/*")],
        }));
    }

    /// <summary>
    /// The control plane: the pinned Kubernetes version, Secrets encrypted with a KMS key of the app's, every
    /// control-plane log type, access entries only (no aws-auth ConfigMap), nodes and pods in private subnets, and the
    /// AWS Load Balancer Controller with the IAM policy shipped in this library.
    /// </summary>
    private (Key SecretsKey, Cluster Cluster) CreateCluster(DjangoEksSettings settings)
    {
        var key = new Key(this, Ids.SecretsKey, new KeyProps
        {
            EnableKeyRotation = true,
            Description = "Envelope encryption of the Django EKS cluster's Kubernetes Secrets",
            // It protects only the cluster's etcd, which is deleted with the cluster before it: scheduled for deletion
            // with the stack (30 days in which it can be recovered), instead of costing 1 USD a month forever.
            RemovalPolicy = RemovalPolicy.DESTROY,
            PendingWindow = Duration.Days(30),
        });
        var cluster = new Cluster(this, Ids.Cluster, new ClusterProps
        {
            Version = KubernetesVersion.Of(settings.KubernetesVersion),
            KubectlLayer = settings.KubectlLayer,
            Vpc = Vpc,
            VpcSubnets = [Network.AppSubnets],
            DefaultCapacity = 0,
            SecretsEncryptionKey = key,
            EndpointAccess = EndpointAccess.PUBLIC_AND_PRIVATE,
            AuthenticationMode = AuthenticationMode.API,
            ClusterLogging =
            [
                ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR,
                ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER,
            ],
            AlbController = new AlbControllerOptions
            {
                Version = AlbControllerVersion.Of(EksAddons.LoadBalancerController.Version, EksAddons.LoadBalancerController.ChartVersion),
                Repository = EksAddons.LoadBalancerController.Repository,
                Policy = EksAddons.LoadBalancerController.Policy(),
            },
        });
        return (key, cluster);
    }

    /// <summary>The managed node group: Amazon Linux 2023 for the instance types' architecture, in private subnets, on demand.</summary>
    private Nodegroup CreateNodes(NodeGroupSettings nodes, string kubernetesVersion)
    {
        var nodegroup = Cluster.AddNodegroupCapacity(Ids.Nodes, new NodegroupOptions
        {
            InstanceTypes = nodes.InstanceTypes.Select(t => new InstanceType(t)).ToArray(),
            AmiType = nodes.Arm64 ? NodegroupAmiType.AL2023_ARM_64_STANDARD : NodegroupAmiType.AL2023_X86_64_STANDARD,
            CapacityType = CapacityType.ON_DEMAND,
            MinSize = nodes.MinSize,
            MaxSize = nodes.MaxSize,
            DesiredSize = nodes.DesiredSize,
            DiskSize = nodes.DiskSizeGiB,
            Subnets = Network.AppSubnets,
        });
        // The nodes follow the control plane: a KubernetesVersion bump upgrades the cluster, then rolls the nodes to
        // the same version (EKS drains them, respecting the PodDisruptionBudgets). Without it they stay behind.
        ((CfnNodegroup)nodegroup.Node.DefaultChild!).Version = kubernetesVersion;
        return nodegroup;
    }

    /// <summary>
    /// EKS writes the control-plane logs to /aws/eks/&lt;cluster&gt;/cluster, a group it creates itself without a
    /// retention; the CDK's log-retention function gives it one (and creates it first if needed).
    /// </summary>
    private void KeepControlPlaneLogs() => _ = new Amazon.CDK.AWS.Logs.LogRetention(this, Ids.ControlPlaneLogs, new Amazon.CDK.AWS.Logs.LogRetentionProps
    {
        LogGroupName = Fn.Join("", ["/aws/eks/", Cluster.ClusterName, "/cluster"]),
        Retention = Amazon.CDK.AWS.Logs.RetentionDays.ONE_YEAR,
    });

    /// <summary>cluster-admin for the roles the user names, through access entries.</summary>
    private void GrantAdmins(string[] roleArns)
    {
        for (var i = 0; i < roleArns.Length; i++)
        {
            Cluster.GrantAccess(Ids.AdminAccess + (i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), roleArns[i],
            [
                AccessPolicy.FromAccessPolicyName("AmazonEKSClusterAdminPolicy", new AccessPolicyNameOptions { AccessScopeType = AccessScopeType.CLUSTER }),
            ]);
        }
    }

    /// <summary>One image for every process, built for the nodes' architecture.</summary>
    private DockerImageAsset CreateImage(DjangoEksSettings settings) => new(this, Ids.Image, new DockerImageAssetProps
    {
        Directory = settings.App.ImageDirectory,
        Target = settings.App.DockerTarget,
        Exclude = ImageExclusions.For(this, settings.App.ImageDirectory),
        File = settings.App.Dockerfile,
        Platform = settings.Nodes.Arm64 ? Platform_.LINUX_ARM64 : Platform_.LINUX_AMD64,
    });

    /// <summary>
    /// The app's namespace (restricted Pod Security Standard) and its two service accounts with IAM roles (IRSA):
    /// the app's, which reaches the bucket, and External Secrets Operator's reader, which reads the app's secrets.
    /// </summary>
    private (KubernetesManifest Namespace, ServiceAccount App, ServiceAccount SecretsReader) CreateNamespace()
    {
        var ns = Cluster.AddManifest(Ids.Namespace, KubernetesObjects.ToManifest(AppManifests.Namespace(AppNamespace)));
        var app = Cluster.AddServiceAccount(Ids.AppServiceAccount, new ServiceAccountOptions { Name = AppServiceAccountName, Namespace = AppNamespace });
        var reader = Cluster.AddServiceAccount(Ids.SecretsReader, new ServiceAccountOptions { Name = SecretsReaderServiceAccountName, Namespace = AppNamespace });
        app.Node.AddDependency(ns);
        reader.Node.AddDependency(ns);
        Buckets.GrantStorage(StaticFileBucket, app.Role);
        return (ns, app, reader);
    }

    /// <summary>The hosted zone, External Secrets Operator, external-dns (this zone only) and metrics-server.</summary>
    private (IHostedZone Zone, HelmChart SecretsOperator, HelmChart ExternalDns) InstallAddons(EksDomain domain)
    {
        var secretsOperator = Cluster.AddHelmChart(Ids.ExternalSecretsOperator,
            EksAddons.ExternalSecretsOperator.Options(new Dictionary<string, object> { ["installCRDs"] = true }));

        var zone = DomainSettings.HostedZone(this, Ids.HostedZone, domain.ZoneName, domain.HostedZoneId);
        var dnsAccount = Cluster.AddServiceAccount(Ids.ExternalDnsServiceAccount, new ServiceAccountOptions { Name = "external-dns", Namespace = EksAddons.ExternalDns.Namespace });
        // external-dns's documented Route 53 policy (docs/tutorials/aws.md), narrowed to this one zone as it recommends.
        dnsAccount.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
            Resources = [zone.HostedZoneArn],
        }));
        dnsAccount.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["route53:ListHostedZones"],
            Resources = ["*"],
        }));
        var externalDns = Cluster.AddHelmChart(Ids.ExternalDns, EksAddons.ExternalDns.Options(new Dictionary<string, object>
        {
            ["provider"] = new Dictionary<string, object> { ["name"] = "aws" },
            ["serviceAccount"] = new Dictionary<string, object> { ["create"] = false, ["name"] = dnsAccount.ServiceAccountName },
            ["domainFilters"] = new[] { domain.ZoneName },
            ["extraArgs"] = new Dictionary<string, object> { ["zone-id-filter"] = zone.HostedZoneId, ["aws-zone-type"] = "public" },
            // Records it made are removed with the Ingress; records it did not make are never touched (TXT ownership).
            ["policy"] = "sync",
            ["txtOwnerId"] = Fn.Join("-", [Cluster.ClusterName, AppNamespace]),
            ["sources"] = new[] { "ingress" },
        }));
        externalDns.Node.AddDependency(dnsAccount);

        var metricsServer = new Addon(this, Ids.MetricsServer, new AddonProps { Cluster = Cluster, AddonName = EksAddons.MetricsServerAddon });
        // Helm waits for the add-ons' pods, which need nodes to run on.
        foreach (var addon in new Construct[] { secretsOperator, externalDns, metricsServer }) addon.Node.AddDependency(Nodes);
        return (zone, secretsOperator, externalDns);
    }

    private ICertificate CreateCertificate(EksDomain domain, IHostedZone zone) => domain.CertificateArn is not null
        ? Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, Ids.Certificate, domain.CertificateArn)
        : new Certificate(this, Ids.Certificate, new CertificateProps { DomainName = domain.Name, Validation = CertificateValidation.FromDns(zone) });

    /// <summary>
    /// The environment contract (with its aliases, and the composed secrets they ask for) and the user's variables,
    /// shared by every pod; secret values stay in the Kubernetes Secret.
    /// </summary>
    private (PodSettings Pod, DjangoEnvironment Contract, IReadOnlyDictionary<string, ISecret> Composed) CreatePodSettings(DjangoEksSettings settings, RedisCache cache)
    {
        var env = settings.App.Environment;
        var allowedHosts = new[] { settings.Domain.Name }.Concat(env.ExtraAllowedHosts);
        var csrfOrigins = new[] { SiteUrl }.Concat(env.ExtraCsrfTrustedOrigins);
        var contract = new DjangoEnvironment(new DjangoEnvironmentInputs(
            env.SettingsModule, env.Debug, string.Join(",", allowedHosts), string.Join(",", csrfOrigins), env.FrontendUrl, env.AssetsDomain,
            env.MediaDomain, Https: true, env.HealthCheckPath,
            Database.DbInstanceEndpointAddress, Database.DbInstanceEndpointPort, settings.App.Database.Name, Database.Secret!,
            cache.Host, cache.AuthToken, StaticFileBucket.BucketName, Stack.Of(this).Region, SecretKey));
        var composed = ComposedSecrets.Create(this, env.Aliases.Values, contract);
        contract = contract.WithAliases(env.Aliases, composed);
        var variables = contract.Variables.Concat(env.Variables).ToDictionary(kv => kv.Key, kv => kv.Value);
        var secretKeys = contract.Secrets.Keys.Concat(settings.Secrets.Keys).ToList();
        var pod = new PodSettings(AppNamespace, ImageAsset.ImageUri, AppServiceAccountName, variables, AppSecretName, secretKeys,
            settings.App.ContainerPort, env.HealthCheckPath, settings.Domain.Name);
        return (pod, contract, composed);
    }

    /// <summary>
    /// The SecretStore (Secrets Manager, as the reader's IAM role) and the ExternalSecret that writes SECRET_KEY, the
    /// database password, the Redis token and the user's secrets into the app's Kubernetes Secret. The template holds
    /// ARNs only; the values travel from Secrets Manager to the cluster, where KMS encrypts them at rest.
    /// </summary>
    private KubernetesManifest SyncSecrets(DjangoEksSettings settings, PodSettings pod, DjangoEnvironment contract, ServiceAccount secretsReader, HelmChart secretsOperator)
    {
        var entries = contract.Secrets.Select(s => (s.Key, s.Value.Secret, s.Value.Field))
            .Concat(settings.Secrets.Select(s => (s.Key, s.Value.Secret, s.Value.Field)))
            .ToList();
        foreach (var (_, secret, _) in entries) secret.GrantRead(secretsReader.Role);
        const string store = "aws-secrets-manager";
        var manifest = Cluster.AddManifest(Ids.AppSecrets,
            KubernetesObjects.ToManifest(ExternalSecrets.NewSecretStore(store, AppNamespace, Stack.Of(this).Region, SecretsReaderServiceAccountName)),
            KubernetesObjects.ToManifest(ExternalSecrets.NewExternalSecret(AppSecretName, AppNamespace, store, pod.SecretName, "1h",
                entries.Select(e => (e.Key, e.Secret.SecretArn, e.Field)))));
        manifest.Node.AddDependency(secretsOperator, secretsReader, NamespaceManifest);
        return manifest;
    }

    /// <summary>The release commands as Jobs with the new image, before any Deployment changes.</summary>
    private EksReleasePhase? CreateReleasePhase(DjangoEksSettings settings, PodSettings pod)
    {
        var release = settings.App.Release;
        if (release.Commands.Count == 0) return null;
        var steps = release.Commands
            .Select(command => new EksReleaseStep(command, KubernetesObjects.ToManifest(
                AppManifests.ReleaseJob(pod, command, release.TimeoutSeconds, settings.Web.Cpu, settings.Web.MemoryMiB))))
            .ToList();
        var phase = new EksReleasePhase(this, Ids.Release, new EksReleasePhaseOptions(Cluster, AppNamespace, steps, release.TimeoutSeconds, release.Skip));
        foreach (var step in phase.Steps) step.Node.AddDependency(SecretsManifest, AppServiceAccount, Database, Cache);
        return phase;
    }

    /// <summary>
    /// Web (Deployment, Service, autoscaler, disruption budget), its Ingress, the workers and beat. Each waits for
    /// the release phase, the secrets and the load balancer controller (whose webhooks admit Services and pods).
    /// </summary>
    private IReadOnlyList<KubernetesManifest> CreateWorkloads(DjangoEksSettings settings, PodSettings pod, string id, HelmChart externalDns)
    {
        var web = settings.Web;
        var manifests = new List<KubernetesManifest>
        {
            Cluster.AddManifest(Ids.Web,
                KubernetesObjects.ToManifest(AppManifests.WebDeployment(pod, web)),
                KubernetesObjects.ToManifest(AppManifests.WebService(pod)),
                KubernetesObjects.ToManifest(AppManifests.Autoscaler(AppNamespace, AppManifests.WebName, web.MinCount, web.MaxCount, web.CpuTargetPercent)),
                KubernetesObjects.ToManifest(AppManifests.DisruptionBudget(AppNamespace, AppManifests.WebName))),
            Cluster.AddManifest(Ids.Ingress, KubernetesObjects.ToManifest(
                AppManifests.Ingress(pod, settings.Domain.Name, Certificate.CertificateArn, AccessLogsBucket.BucketName, "alb/" + id))),
        };
        foreach (var worker in settings.App.Workers)
        {
            manifests.Add(Cluster.AddManifest(worker.ServiceId,
                KubernetesObjects.ToManifest(AppManifests.WorkerDeployment(pod, worker, settings.App.CeleryApp)),
                KubernetesObjects.ToManifest(AppManifests.Autoscaler(AppNamespace, worker.Name, worker.MinCount, worker.MaxCount, web.CpuTargetPercent)),
                KubernetesObjects.ToManifest(AppManifests.DisruptionBudget(AppNamespace, worker.Name))));
        }

        if (settings.App.UseCeleryBeat)
            manifests.Add(Cluster.AddManifest(Ids.Beat, KubernetesObjects.ToManifest(AppManifests.BeatDeployment(pod, settings.App.CeleryApp))));

        // The Ingress is deleted before external-dns, which then has a chance to remove the records it made.
        manifests[1].Node.AddDependency(externalDns);
        foreach (var manifest in manifests)
        {
            manifest.Node.AddDependency(SecretsManifest, AppServiceAccount, Cluster.AlbController!, Nodes);
            if (Release is not null) manifest.Node.AddDependency(Release.Steps[^1]);
        }

        return manifests;
    }

    /// <summary>
    /// The alarm topic, the release, database and cache alarms, and a dashboard of the data stores with the alarms'
    /// states, unless turned off. The load balancer (made by its controller outside the stack), the pods and their
    /// autoscalers are Kubernetes's: DjangoEcs's web and worker alarms have nothing here to watch.
    /// </summary>
    private AppMonitoring? CreateMonitoring(MonitoringSettings? settings)
    {
        if (settings is null) return null;
        var monitoring = new AppMonitoring(this, Ids.Monitoring, settings, Node.Path);
        DataStoreMonitoring.AddReleaseAlarm(monitoring, Release?.Functions ?? []);
        DataStoreMonitoring.AddAlarms(monitoring, Database, Cache);
        DataStoreMonitoring.AddRow(monitoring, Database, Cache);
        monitoring.AddAlarmStatusRow();
        return monitoring;
    }

    private void CreateOutputs(DjangoEksSettings settings)
    {
        var region = Stack.Of(this).Region;
        StackOutputs.Add(this, "SiteUrl", SiteUrl, "The Django site");
        StackOutputs.Add(this, "StaticFileBucketName", StaticFileBucket.BucketName, "Bucket of static and media files");
        StackOutputs.Add(this, "ClusterName", Cluster.ClusterName, "EKS cluster");
        if (Monitoring is { } monitoring)
        {
            StackOutputs.Add(this, "AlarmTopicArn", monitoring.AlarmTopic.TopicArn, "SNS topic of the alarms: subscribe email, Chatbot or PagerDuty to it");
            if (monitoring.Dashboard is { } dashboard)
                StackOutputs.Add(this, "DashboardUrl", $"https://console.aws.amazon.com/cloudwatch/home?region={region}#dashboards/dashboard/{dashboard.DashboardName}", "CloudWatch dashboard of the app");
        }

        StackOutputs.Add(this, "UpdateKubeconfig",
            $"aws eks update-kubeconfig --region {region} --name {Cluster.ClusterName}",
            "Points kubectl at the cluster; run it as a role of AdminRoleArns (docs/eks.md, Admin access)");
        StackOutputs.Add(this, "RunManagementCommand",
            $"kubectl --namespace {AppNamespace} exec deploy/{AppManifests.WebName} --container {AppManifests.WebName} -- python manage.py COMMAND",
            "Runs a management command in a web pod: replace COMMAND, e.g. createsuperuser (add --stdin --tty for interactive ones)");
    }

    /// <summary>The VPC the cluster and data stores run in.</summary>
    public IVpc Vpc { get; }

    /// <summary>The EKS cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The managed node group.</summary>
    public Nodegroup Nodes { get; }

    /// <summary>The KMS key that encrypts Kubernetes Secrets (scheduled for deletion, after 30 days, with the stack).</summary>
    public Key SecretsKey { get; }

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
    /// The secrets of the composed values that <see cref="DjangoEksProps.EnvironmentAliases"/> names
    /// (<see cref="ComposedValues.DatabaseUrl"/>, <see cref="ComposedValues.RedisUrl"/>), by that name; empty when none.
    /// </summary>
    public IReadOnlyDictionary<string, ISecret> ComposedValueSecrets { get; }

    /// <summary>The Docker image asset built from <see cref="DjangoEksProps.ImageDirectory"/>.</summary>
    public DockerImageAsset ImageAsset { get; }

    /// <summary>The service account of the Django pods (<see cref="AppServiceAccountName"/>) and its IAM role.</summary>
    public ServiceAccount AppServiceAccount { get; }

    /// <summary>The manifest of the app's namespace.</summary>
    public KubernetesManifest NamespaceManifest { get; }

    /// <summary>The SecretStore and ExternalSecret that fill <see cref="AppSecretName"/>.</summary>
    public KubernetesManifest SecretsManifest { get; }

    /// <summary>The workload manifests: web, ingress, each worker, then beat.</summary>
    public IReadOnlyList<KubernetesManifest> Workloads { get; }

    /// <summary>The TLS certificate of the Ingress.</summary>
    public ICertificate Certificate { get; }

    /// <summary>The site's URL.</summary>
    public string SiteUrl { get; }

    internal EksReleasePhase? Release { get; }

    /// <summary>The release steps in the order they run; empty when the release phase is disabled.</summary>
    public IReadOnlyList<CustomResource> ReleaseSteps => Release?.Steps ?? [];

    /// <summary>The alarms (release, database, cache), their SNS topic and the dashboard; null when <see cref="DjangoEksProps.Monitoring"/> turns them off.</summary>
    public AppMonitoring? Monitoring { get; }

    /// <summary>The step that turns on the database's deletion protection once a deployment has succeeded, when <see cref="DjangoEksProps.DatabaseDeletionProtection"/> is true.</summary>
    public Construct? DatabaseProtection { get; }
}
