namespace DjangoCdk;

/// <summary>The defaults of <see cref="DockerEc2"/>; docs/docker-ec2.md and the README document the same values.</summary>
internal static partial class Defaults
{
    /// <summary>Graviton, 2 vCPUs and 2 GiB: Django, Celery, Postgres and Redis for a small site (about 12.26 USD a month in us-east-1).</summary>
    public const string Ec2InstanceType = "t4g.small";

    /// <summary>The root volume holds the OS and the Docker images.</summary>
    public const int Ec2RootVolumeGiB = 20;

    /// <summary>The data volume holds Postgres, Redis and Caddy's certificates.</summary>
    public const int Ec2DataVolumeGiB = 20;

    /// <summary>Daily snapshots of the data volume kept by Data Lifecycle Manager.</summary>
    public const int Ec2BackupRetentionDays = 7;

    /// <summary>When the daily snapshot is taken (UTC, hh:mm).</summary>
    public const string Ec2BackupTime = "03:00";

    /// <summary>How long CloudFormation waits for the instance to report the application up (docker install, image pulls, migrations).</summary>
    public const int Ec2BootTimeoutMinutes = 30;

    /// <summary>How long the boot script waits for the web health check once the containers are started.</summary>
    public const int Ec2HealthTimeoutSeconds = 600;

    /// <summary>The port the frontend image serves on (nginx images listen on 80).</summary>
    public const int Ec2FrontendPort = 80;

    /// <summary>
    /// The images of the services DjangoCdk brings, from Amazon ECR Public's mirror of the Docker official images (no
    /// Docker Hub rate limits), pinned by tag: a new tag here is a deliberate library change.
    /// </summary>
    public const string Ec2PostgresImage = "public.ecr.aws/docker/library/postgres:17-alpine";
    public const string Ec2RedisImage = "public.ecr.aws/docker/library/redis:7-alpine";
    public const string Ec2CaddyImage = "public.ecr.aws/docker/library/caddy:2-alpine";

    /// <summary>The official Docker CLI image, which carries the compose plugin that Amazon Linux does not package.</summary>
    public const string Ec2ComposeCliImage = "public.ecr.aws/docker/library/docker:27-cli";

    /// <summary>Where the stack lives on the instance, and where the data volume is mounted.</summary>
    public const string Ec2StackDirectory = "/opt/djangocdk";
    public const string Ec2DataDirectory = "/data";
    public const string Ec2ConfigDirectory = "/etc/djangocdk";

    /// <summary>The device name the data volume is attached as (Nitro instances show it as an NVMe device).</summary>
    public const string Ec2DataDevice = "/dev/sdf";
}
