using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>Properties of <see cref="DjangoEks"/>.</summary>
public sealed record DjangoEksProps : IDjangoAppProps
{
    /// <summary>The Docker build context of the Django project: a directory holding its Dockerfile.</summary>
    /// <remarks>Required. Relative paths are resolved from the current directory. One image is built from it and shared by web, workers, beat and release Jobs. The image must run as a numeric non-root USER (pods run with runAsNonRoot).</remarks>
    public required string ImageDirectory { get; init; }

    /// <summary>The Dockerfile, relative to <see cref="ImageDirectory"/>.</summary>
    /// <remarks>Default: "Dockerfile".</remarks>
    public string? Dockerfile { get; init; }
    /// <summary>The stage of a multi-stage Dockerfile to build (<c>docker build --target</c>), e.g. "production".</summary>
    /// <remarks>Default: none; the last stage is built.</remarks>
    public string? DockerTarget { get; init; }

    /// <summary>The kubectl and helm Lambda layer the CDK runs Kubernetes changes with; its kubectl must match <see cref="KubernetesVersion"/>'s minor version (kubectl supports one minor version of skew).</summary>
    /// <remarks>Required. Get it from AWS's npm package <c>@aws-cdk/lambda-layer-kubectl-v35</c> with <see cref="KubectlLayers.FromNpmPackage"/> (which also lets DjangoEks check the version), or, with Amazon.CDK.Lib 2.224 or later, from the NuGet package <c>Amazon.CDK.LambdaLayer.KubectlV35</c> (<c>new KubectlV35Layer(this, "Kubectl")</c>).</remarks>
    public ILayerVersion? KubectlLayer { get; init; }

    /// <summary>The Kubernetes minor version of the cluster, e.g. "1.34".</summary>
    /// <remarks>Default: "1.35", in Amazon EKS standard support until 2027-03-27 (<see cref="KubernetesVersions"/>). A change upgrades the control plane, then the nodes. Versions past the end of standard support are rejected unless <see cref="AllowExtendedSupportVersion"/> is true.</remarks>
    public string? KubernetesVersion { get; init; }

    /// <summary>Accepts a <see cref="KubernetesVersion"/> whose standard support has ended (extended support costs six times the control-plane price).</summary>
    /// <remarks>Default: false.</remarks>
    public bool? AllowExtendedSupportVersion { get; init; }

    /// <summary>The EC2 instance types of the managed node group; all of one CPU architecture, which the image is built for.</summary>
    /// <remarks>Default: ["t4g.medium"] (Graviton, 2 vCPUs and 4 GiB).</remarks>
    public string[]? NodeInstanceTypes { get; init; }

    /// <summary>The fewest nodes.</summary>
    /// <remarks>Default: 2, one per Availability Zone.</remarks>
    public int? NodeMinSize { get; init; }

    /// <summary>The most nodes.</summary>
    /// <remarks>Default: 4.</remarks>
    public int? NodeMaxSize { get; init; }

    /// <summary>The nodes at creation. Later changes are left to you or a cluster autoscaler (the managed node group keeps what it has).</summary>
    /// <remarks>Default: <see cref="NodeMinSize"/>.</remarks>
    public int? NodeDesiredSize { get; init; }

    /// <summary>The root volume of each node in GiB (images and container logs).</summary>
    /// <remarks>Default: 30.</remarks>
    public int? NodeDiskSizeGiB { get; init; }

    /// <summary>IAM role ARNs that get cluster-admin through an EKS access entry (AmazonEKSClusterAdminPolicy), e.g. your administrators' SSO role.</summary>
    /// <remarks>Default: none, and synthesis warns: only the CDK's own handler roles can then use the Kubernetes API. Access entries are numbered by position in the list, so remove a role from the end, or expect the entries after it to be re-created. See docs/eks.md for adding a role by hand.</remarks>
    public string[]? AdminRoleArns { get; init; }

    /// <summary>The command of the web container.</summary>
    /// <remarks>Default: the image's own CMD (the sample runs gunicorn through scripts/start_prod.sh).</remarks>
    public string[]? WebCommand { get; init; }

    /// <summary>Runs a Celery beat scheduler as a strict singleton (one replica, Recreate strategy: never two at once).</summary>
    /// <remarks>Default: false (no beat).</remarks>
    public bool? UseCeleryBeat { get; init; }

    /// <summary>The domain name of the Django site, e.g. "api.example.com": external-dns points it at the load balancer and the certificate covers it.</summary>
    /// <remarks>Required, with <see cref="ZoneName"/>: the load balancer is created by the AWS Load Balancer Controller at run time, so its DNS name is unknown at synth time and cannot be put in ALLOWED_HOSTS.</remarks>
    public string? DomainName { get; init; }

    /// <summary>The Route 53 public hosted zone that holds <see cref="DomainName"/>, e.g. "example.com". external-dns may change records in this zone only.</summary>
    /// <remarks>Required.</remarks>
    public string? ZoneName { get; init; }

    /// <summary>The ID of the hosted zone named <see cref="ZoneName"/>; skips the hosted-zone lookup.</summary>
    /// <remarks>Default: the zone is looked up by name at synth time, which needs the stack's account and region.</remarks>
    public string? HostedZoneId { get; init; }

    /// <summary>The ARN of an existing ACM certificate for <see cref="DomainName"/>, in the stack's region.</summary>
    /// <remarks>Default: a new certificate validated through DNS in the hosted zone.</remarks>
    public string? CertificateArn { get; init; }

    /// <summary>A physical name for the static and media bucket.</summary>
    /// <remarks>Default: a name generated by CloudFormation, unique per stack and construct.</remarks>
    public string? BucketName { get; init; }

    /// <summary>The VPC to deploy into; it needs private subnets with egress (nodes) and ideally isolated subnets (data stores).</summary>
    /// <remarks>Default: a new VPC over two AZs with public, private and isolated subnets (see <see cref="NatStrategy"/>).</remarks>
    public IVpc? Vpc { get; init; }

    /// <summary>How the new VPC reaches the internet from its private subnets. Only with no <see cref="Vpc"/>.</summary>
    /// <remarks>Default: <see cref="DjangoCdk.NatStrategy.SingleGateway"/>, one managed NAT gateway.</remarks>
    public NatStrategy? NatStrategy { get; init; }

    /// <summary>The machine image of the NAT instance, with <see cref="DjangoCdk.NatStrategy.Instance"/>.</summary>
    /// <remarks>Default: Amazon Linux 2023 (ARM64), looked up once and cached in cdk.context.json. An environment-agnostic stack must set it.</remarks>
    public IMachineImage? NatInstanceImage { get; init; }

    /// <summary>The Availability Zones the new VPC spans, by name (e.g. "us-east-1b", "us-east-1c"); at least two.</summary>
    /// <remarks>Default: the first two zones of the region. Only for a VPC the construct creates.</remarks>
    public string[]? AvailabilityZones { get; init; }

    /// <summary>The URL of the single-page frontend, passed to Django as FRONTEND_URL.</summary>
    /// <remarks>Default: empty.</remarks>
    public string? FrontendUrl { get; init; }

    /// <summary>A domain (a CloudFront distribution) that serves <c>/static/</c> from the bucket, passed as ASSETS_DOMAIN.</summary>
    /// <remarks>Default: empty; the bucket stays private and Django links to static files with signed S3 URLs.</remarks>
    public string? AssetsDomainName { get; init; }

    /// <summary>A domain (a CloudFront distribution) that serves uploads under <c>/media/</c> publicly, passed as MEDIA_DOMAIN.</summary>
    /// <remarks>Default: empty; uploads stay private and Django links to them with signed S3 URLs.</remarks>
    public string? MediaDomainName { get; init; }

    /// <summary>Extra host names Django serves, added to ALLOWED_HOSTS.</summary>
    /// <remarks>Default: none; ALLOWED_HOSTS is <see cref="DomainName"/>.</remarks>
    public string[]? ExtraAllowedHosts { get; init; }

    /// <summary>Extra origins for CSRF_TRUSTED_ORIGINS, e.g. "https://app.example.com".</summary>
    /// <remarks>Default: none; CSRF_TRUSTED_ORIGINS is the site's own origin.</remarks>
    public string[]? ExtraCsrfTrustedOrigins { get; init; }

    /// <summary>Extra plain environment variables for every Django container. Names the construct sets are rejected.</summary>
    /// <remarks>Default: none. Never put credentials here: use <see cref="Secrets"/>.</remarks>
    public IDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>Extra Secrets Manager secrets injected as environment variables into every Django container, through External Secrets Operator.</summary>
    /// <remarks>Default: none. Only the app's secret reader may read them (its IAM role is granted each one).</remarks>
    public IDictionary<string, EksSecret>? Secrets { get; init; }

    /// <summary>
    /// Extra names under which every Django container receives values of the environment contract: the key is the
    /// name your project reads, the value a contract name (e.g. "DJANGO_SECRET_KEY", "ALLOWED_HOSTS",
    /// "POSTGRES_PASSWORD", "S3_BUCKET_NAME") or a composed one, <see cref="ComposedValues.DatabaseUrl"/> or
    /// <see cref="ComposedValues.RedisUrl"/>. An alias of a plain value is a plain variable; an alias of a secret is
    /// delivered as that secret (an entry of the ExternalSecret, which the secrets reader role reads); a composed URL holds a password, so it is always a secret: a Secrets Manager secret (0.40 USD a month each) that CloudFormation composes from the database secret or the Redis AUTH token, created only when an alias names it.
    /// </summary>
    /// <remarks>Default: none; the containers receive the contract under its own names only.</remarks>
    /// <example><c>EnvironmentAliases = new Dictionary&lt;string, string&gt; { ["SECRET_KEY"] = "DJANGO_SECRET_KEY", ["DATABASE_URL"] = "DATABASE_URL", ["CELERY_BROKER_URL"] = "REDIS_URL" }</c></example>
    public IDictionary<string, string>? EnvironmentAliases { get; init; }

    /// <summary>The path the load balancer and the probes check; it must answer 200 without a database query, whatever the Host header.</summary>
    /// <remarks>Default: "/api/health-check/".</remarks>
    public string? HealthCheckPath { get; init; }

    /// <summary>The port gunicorn listens on in the web container.</summary>
    /// <remarks>Default: 8000.</remarks>
    public int? ContainerPort { get; init; }

    /// <summary>The Django settings module (DJANGO_SETTINGS_MODULE).</summary>
    /// <remarks>Default: "backend.settings.production".</remarks>
    public string? SettingsModule { get; init; }

    /// <summary>Runs Django with DEBUG=1. Never in production: it leaks settings and source in error pages.</summary>
    /// <remarks>Default: false (DEBUG=0). When true, synthesis warns.</remarks>
    public bool? Debug { get; init; }

    /// <summary>CPU units (1024 = one vCPU) requested by, and the limit of, each web pod.</summary>
    /// <remarks>Default: 512.</remarks>
    public int? WebCpu { get; init; }

    /// <summary>Memory of each web pod in MiB (request and limit).</summary>
    /// <remarks>Default: 1024.</remarks>
    public int? WebMemoryMiB { get; init; }

    /// <summary>The fewest web pods (HorizontalPodAutoscaler minimum).</summary>
    /// <remarks>Default: 2, spread over zones, so a node drain or a zone failure keeps the site up (the PodDisruptionBudget keeps one).</remarks>
    public int? WebMinCount { get; init; }

    /// <summary>The most web pods the HorizontalPodAutoscaler adds.</summary>
    /// <remarks>Default: 4.</remarks>
    public int? WebMaxCount { get; init; }

    /// <summary>The average CPU utilisation (percent of the request) the HorizontalPodAutoscaler keeps web and worker pods at.</summary>
    /// <remarks>Default: 70.</remarks>
    public double? WebCpuTargetPercent { get; init; }

    /// <summary>The Celery workers, one Deployment each.</summary>
    /// <remarks>Default: one worker named "worker" on the "celery" queue. An empty list deploys no worker. <c>Cpu</c> and <c>MemoryMiB</c> become the pod's requests and limits, <c>StopTimeoutSeconds</c> its termination grace period (up to 3600 s), and <c>UseSpot</c> is not supported on EKS.</remarks>
    public IList<CeleryWorkerOptions>? CeleryWorkers { get; init; }

    /// <summary>The Celery application, as passed to <c>celery -A</c>.</summary>
    /// <remarks>Default: "backend.celery_app:app".</remarks>
    public string? CeleryApp { get; init; }

    /// <summary>The release commands, run in order as Kubernetes Jobs with the new image before the Deployments change, on every deploy that changes the image, environment or commands.</summary>
    /// <remarks>Default: <c>python manage.py migrate --no-input</c>, then <c>python manage.py collectstatic --no-input</c>. An empty list disables the release phase.</remarks>
    public IList<string[]>? ReleaseCommands { get; init; }

    /// <summary>How long one release command may run before its Job is stopped and the deployment fails.</summary>
    /// <remarks>Default: 20 minutes; 1 to 55 minutes.</remarks>
    public Duration? ReleaseTimeout { get; init; }

    /// <summary>Skips the release commands on deployments while true: each step reports success without starting a Job.</summary>
    /// <remarks>Default: false. A recovery switch; set it back to false afterwards.</remarks>
    public bool? SkipRelease { get; init; }

    /// <summary>The RDS instance type of the PostgreSQL database.</summary>
    /// <remarks>Default: t4g.micro (Graviton, burstable).</remarks>
    public InstanceType? DatabaseInstanceType { get; init; }

    /// <summary>The initial storage of the database in GiB; it grows automatically up to 100 GiB (or this value, if larger).</summary>
    /// <remarks>Default: 20.</remarks>
    public int? DatabaseAllocatedStorageGiB { get; init; }

    /// <summary>Runs the database with a synchronous standby in a second AZ.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? DatabaseMultiAz { get; init; }

    /// <summary>Days of automated database backups (1 to 35).</summary>
    /// <remarks>Default: 7.</remarks>
    public int? DatabaseBackupRetentionDays { get; init; }

    /// <summary>Whether RDS deletion protection is turned on once the application is deployed (by the last step of a successful deployment).</summary>
    /// <remarks>Default: true.</remarks>
    public bool? DatabaseDeletionProtection { get; init; }

    /// <summary>The name of the PostgreSQL database Django uses.</summary>
    /// <remarks>Default: "django".</remarks>
    public string? DatabaseName { get; init; }

    /// <summary>The ElastiCache node type of the Redis cache.</summary>
    /// <remarks>Default: "cache.t4g.micro".</remarks>
    public string? CacheNodeType { get; init; }

    /// <summary>Alarms on the database, the cache and the release phase (notifying one SNS topic), and a CloudWatch dashboard of them.</summary>
    /// <remarks>Default: on, with no email subscription and the thresholds in the README ("Alarms and dashboard"). The load balancer, web, worker, CloudFront and queue-depth publisher alarms and deployment rollback on alarm are DjangoEcs's (the AWS Load Balancer Controller creates the load balancer outside the stack; pods are not ECS services and workers scale with HorizontalPodAutoscalers): their options, <c>Alarms.MinimumRequests</c> and <c>RollbackOnAlarm = true</c> are refused naming the prop.</remarks>
    public MonitoringOptions? Monitoring { get; init; }
}
