using Amazon.CDK.AWS.EC2;

namespace DjangoCdk;

/// <summary>Props of <see cref="DockerEc2"/>: the whole Django application on one EC2 instance with Docker Compose.</summary>
public sealed record DockerEc2Props
{
    /// <summary>The Docker build context of the Django project; the image runs web, worker, beat and the release step.</summary>
    /// <remarks>Required.</remarks>
    public string? ImageDirectory { get; init; }

    /// <summary>The Dockerfile, relative to <see cref="ImageDirectory"/>.</summary>
    /// <remarks>Default: <c>Dockerfile</c>.</remarks>
    public string? Dockerfile { get; init; }
    /// <summary>The stage of a multi-stage Dockerfile to build (<c>docker build --target</c>), e.g. "production".</summary>
    /// <remarks>Default: none; the last stage is built.</remarks>
    public string? DockerTarget { get; init; }

    /// <summary>The Docker build context of a frontend image (e.g. nginx serving a built SPA), served on every path Django does not own.</summary>
    /// <remarks>Default: no frontend; Caddy sends every path to Django.</remarks>
    public string? FrontendImageDirectory { get; init; }

    /// <summary>The frontend's Dockerfile, relative to <see cref="FrontendImageDirectory"/>.</summary>
    /// <remarks>Default: <c>Dockerfile</c>.</remarks>
    public string? FrontendImageDockerfile { get; init; }

    /// <summary>The port the frontend container listens on.</summary>
    /// <remarks>Default: 80.</remarks>
    public int? FrontendPort { get; init; }

    /// <summary>The domain the site is served on; Caddy obtains and renews a Let's Encrypt certificate for it.</summary>
    /// <remarks>Default: no domain; plain HTTP on the Elastic IP, with a synthesis warning.</remarks>
    public string? DomainName { get; init; }

    /// <summary>The Route 53 hosted zone holding <see cref="DomainName"/>; an A record to the Elastic IP is created in it.</summary>
    /// <remarks>Default: none; required with <see cref="DomainName"/>.</remarks>
    public string? ZoneName { get; init; }

    /// <summary>The ID of the hosted zone <see cref="ZoneName"/>, so no lookup is needed at synth time.</summary>
    /// <remarks>Default: the zone is looked up by name (needs the stack's account and region).</remarks>
    public string? HostedZoneId { get; init; }

    /// <summary>An EC2 key pair for SSH; opens port 22 to <see cref="SshCidr"/> only.</summary>
    /// <remarks>Default: no key and no SSH; administration through Session Manager.</remarks>
    public string? KeyName { get; init; }

    /// <summary>The IPv4 range allowed to SSH in when <see cref="KeyName"/> is set, e.g. <c>203.0.113.7/32</c>; never 0.0.0.0/0.</summary>
    /// <remarks>Default: none; required with <see cref="KeyName"/>.</remarks>
    public string? SshCidr { get; init; }

    /// <summary>An <c>s3://bucket/key</c> compose file that replaces the bundled one; it must keep the bundled file's service names and variables.</summary>
    /// <remarks>Default: the compose file bundled with DjangoCdk, shipped as an asset of the stack.</remarks>
    public string? StackFileUri { get; init; }

    /// <summary>The EC2 instance type; Graviton (arm64) and x86 types both work, the images are built for its architecture.</summary>
    /// <remarks>Default: <c>t4g.small</c>.</remarks>
    public string? InstanceType { get; init; }

    /// <summary>The machine image: an Amazon Linux 2023 image (cfn-init, the SSM agent and the AWS CLI are expected).</summary>
    /// <remarks>
    /// Default: the newest Amazon Linux 2023 for the instance's architecture, looked up once and pinned in
    /// cdk.context.json (needs the stack's account and region; environment-agnostic stacks must set it).
    /// </remarks>
    public IMachineImage? MachineImage { get; init; }

    /// <summary>The size of the encrypted root volume (OS and Docker images), in GiB.</summary>
    /// <remarks>Default: 20.</remarks>
    public int? RootVolumeGiB { get; init; }

    /// <summary>The size of the encrypted data volume (Postgres, Redis, certificates), in GiB.</summary>
    /// <remarks>Default: 20.</remarks>
    public int? DataVolumeGiB { get; init; }

    /// <summary>How many daily snapshots of the data volume Data Lifecycle Manager keeps.</summary>
    /// <remarks>Default: 7.</remarks>
    public int? BackupRetentionDays { get; init; }

    /// <summary>Whether Celery beat runs.</summary>
    /// <remarks>Default: true.</remarks>
    public bool? UseCeleryBeat { get; init; }

    /// <summary>The health check path of Django, which the boot script waits for before it reports success.</summary>
    /// <remarks>Default: <c>/api/health-check/</c>.</remarks>
    public string? HealthCheckPath { get; init; }

    /// <summary>DJANGO_SETTINGS_MODULE.</summary>
    /// <remarks>Default: <c>backend.settings.production</c>.</remarks>
    public string? SettingsModule { get; init; }

    /// <summary>Whether Django runs with DEBUG=1.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? Debug { get; init; }

    /// <summary>Extra plain environment variables for every Django container; names of the environment contract are refused.</summary>
    /// <remarks>Default: none.</remarks>
    public IDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>
    /// Extra names under which every Django container receives values of the environment contract: the key is the
    /// name your project reads, the value a contract name (e.g. "DJANGO_SECRET_KEY", "ALLOWED_HOSTS",
    /// "POSTGRES_PASSWORD", "S3_BUCKET_NAME") or a composed one, <see cref="ComposedValues.DatabaseUrl"/> or
    /// <see cref="ComposedValues.RedisUrl"/>. An alias of a plain value is a plain variable; an alias of a secret is
    /// delivered as that secret (read from Secrets Manager by the boot script with the instance role, into a root-only file); DATABASE_URL holds the password, so it is a Secrets Manager secret (0.40 USD a month) that CloudFormation composes from the database secret, created only when an alias names it; REDIS_URL (redis://redis:6379/0, no password on the private Docker network) is a plain value. REDIS_PASSWORD is refused: this Redis has none.
    /// </summary>
    /// <remarks>Default: none; the containers receive the contract under its own names only.</remarks>
    /// <example><c>EnvironmentAliases = new Dictionary&lt;string, string&gt; { ["SECRET_KEY"] = "DJANGO_SECRET_KEY", ["DATABASE_URL"] = "DATABASE_URL", ["CELERY_BROKER_URL"] = "REDIS_URL" }</c></example>
    public IDictionary<string, string>? EnvironmentAliases { get; init; }

    /// <summary>How long CloudFormation waits for the instance to report the application healthy, in minutes.</summary>
    /// <remarks>Default: 30.</remarks>
    public int? BootTimeoutMinutes { get; init; }

    /// <summary>
    /// Alarms on the host (EC2's system and instance status checks, CPU, and the CPU credits of a burstable type)
    /// notifying one SNS topic, and a CloudWatch dashboard of the host. A failed system status check also recovers the
    /// instance onto healthy hardware.
    /// </summary>
    /// <remarks>
    /// Default: on, with no email subscription and the thresholds in the README ("Alarms and dashboard"), about 4.50 USD
    /// a month (the dashboard is 3 USD of it, free for the account's first three). The load balancer, service, database,
    /// cache and release alarms are DjangoEcs's and DjangoEks's (PostgreSQL and Redis run on the host here): their
    /// options, <c>Alarms.MinimumRequests</c> and <c>RollbackOnAlarm = true</c> are refused naming the prop.
    /// </remarks>
    public MonitoringOptions? Monitoring { get; init; }
}
