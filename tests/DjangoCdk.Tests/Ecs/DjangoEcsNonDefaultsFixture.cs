using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.AWS.EC2;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Ecs;

/// <summary>
/// One DjangoEcs in which every plain prop the complete sample leaves at its default (or that no deployable sample
/// would set, such as Debug) has a value that differs from its default, synthesized once; each fact over it proves that
/// one prop reaches the template. Complete (<see cref="DjangoEcsCompleteFixture"/>) covers the props the sample sets.
/// </summary>
public sealed class DjangoEcsNonDefaultsFixture
{
    /// <summary>The Dockerfile's name: the image directory holds no file called "Dockerfile".</summary>
    public const string Dockerfile = "Dockerfile.web";

    /// <summary>The NAT instance's image, given rather than looked up.</summary>
    public const string NatImageId = "ami-0fedcba9876543210";

    public DjangoEcsNonDefaultsFixture()
    {
        Stack = TestStacks.New();
        ImageDirectory = TestStacks.NewDirectory();
        File.Copy(Path.Combine(TestStacks.Backend, "Dockerfile"), Path.Combine(ImageDirectory, Dockerfile));
        Django = new DjangoEcs(Stack, "Django", Props(ImageDirectory));
        (Template, Annotations) = TestStacks.Synthesize(Stack);
    }

    public static DjangoEcsProps Props(string imageDirectory) => new()
    {
        ImageDirectory = imageDirectory,
        Dockerfile = Dockerfile,
        WebCommand = ["gunicorn", "ublog.wsgi:application", "--bind", "0.0.0.0:8080"],
        UseCeleryBeat = true,
        ApiDomainName = "api.example.com",
        ZoneName = "example.com",
        HostedZoneId = "Z0123456789EXAMPLE",
        CertificateAlternativeNames = ["app.example.com", "www.example.com"],
        BucketName = "ublog-media-eu",
        NatStrategy = NatStrategy.Instance,
        NatInstanceImage = MachineImage.GenericLinux(new Dictionary<string, string> { [TestStacks.Region] = NatImageId }),
        AvailabilityZones = [TestStacks.Region + "b", TestStacks.Region + "c"],
        AssetsDomainName = "assets.example.com",
        MediaDomainName = "media.example.com",
        ExtraAllowedHosts = ["www.example.com", "app.example.com"],
        ExtraCsrfTrustedOrigins = ["https://app.example.com", "https://www.example.com"],
        HealthCheckPath = "/healthz/",
        ContainerPort = 8080,
        SettingsModule = "ublog.settings.aws",
        Debug = true,
        WebCpu = 1024,
        WebMemoryMiB = 3072,
        WebMinCount = 3,
        WebMaxCount = 12,
        WebCpuTargetPercent = 55,
        WebRequestsPerTarget = 250,
        CeleryWorkers =
        [
            new CeleryWorkerOptions
            {
                Name = "mailer", Queues = ["mail", "notifications"], Concurrency = 8, Cpu = 2048, MemoryMiB = 4096,
                MinCount = 2, MaxCount = 6, StopTimeoutSeconds = 45,
            },
        ],
        CeleryApp = "ublog.tasks:celery",
        ReleaseCommands = [["python", "manage.py", "migrate"], ["python", "manage.py", "createcachetable"], ["./scripts/seed.sh"]],
        ReleaseTimeout = Duration.Seconds(90),
        SkipRelease = true,
        DatabaseInstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.M7G, InstanceSize.LARGE),
        DatabaseAllocatedStorageGiB = 200,
        DatabaseBackupRetentionDays = 14,
        DatabaseDeletionProtection = false,
        DatabaseName = "ublog",
        CacheNodeType = "cache.r7g.large",
    };

    public Stack Stack { get; }
    public string ImageDirectory { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }

    /// <summary>The warnings and errors of the synthesis.</summary>
    public Annotations Annotations { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}
