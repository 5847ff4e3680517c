namespace DjangoCdk;

/// <summary>Every default DjangoCdk applies, in one place so code, docs and tests agree.</summary>
internal static partial class Defaults
{
    public const string Dockerfile = "Dockerfile";
    public const string HealthCheckPath = "/api/health-check/";
    public const int ContainerPort = 8000;
    public const string SettingsModule = "backend.settings.production";
    public const string CeleryApp = "backend.celery_app:app";

    public const int WebCpu = 512;
    public const int WebMemoryMiB = 1024;
    public const int WebMinCapacity = 1;
    public const int WebMaxCapacity = 4;
    public const double WebCpuTargetPercent = 70;
    public const double WebRequestsPerTarget = 1000;
    public const int WebHealthCheckGraceSeconds = 60;
    public const int DeregistrationDelaySeconds = 30;

    public const string WorkerName = "worker";
    public const string WorkerQueue = "celery";
    public const int WorkerCpu = 512;
    public const int WorkerMemoryMiB = 1024;
    public const int WorkerMinCapacity = 1;
    public const int WorkerMaxCapacity = 2;
    public const int WorkerStopTimeoutSeconds = 120;
    public const double WorkerBacklogPerTask = 10;
    public const int BeatCpu = 256;
    public const int BeatMemoryMiB = 512;

    public static readonly string[] MigrateCommand = ["python", "manage.py", "migrate", "--no-input"];
    public static readonly string[] CollectStaticCommand = ["python", "manage.py", "collectstatic", "--no-input"];
    public const int ReleaseTimeoutMinutes = 20;
    /// <summary>CloudFormation waits at most 3600 s for a custom resource (ServiceTimeout); the waiter keeps a margin below it.</summary>
    public const int ReleaseMaxTimeoutMinutes = 55;
    public const int CustomResourceMaxServiceTimeoutSeconds = 3600;

    public const string DatabaseName = "django";
    public const string DatabaseUsername = "django";
    public const string DatabaseInstanceType = "t4g.micro";
    public const int DatabaseAllocatedStorageGiB = 20;
    public const int DatabaseMaxAllocatedStorageGiB = 100;
    public const int DatabaseBackupRetentionDays = 7;
    public const int PostgresPort = 5432;

    public const string CacheNodeType = "cache.t4g.micro";
    public const string RedisEngineVersion = "7.1";
    public const int RedisPort = 6379;

    public const int MaxAzs = 2;
    public const string NatInstanceType = "t4g.nano";
    public const int LogsExpirationDays = 365;
    public const int NoncurrentVersionExpirationDays = 90;
}
